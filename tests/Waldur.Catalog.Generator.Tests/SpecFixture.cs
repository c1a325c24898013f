using Waldur.Catalog.Model;

namespace Waldur.Catalog.Generator.Tests;

/// <summary>The repository's spec, parsed once (about 3 s) for every test in the collection.</summary>
public sealed class SpecFixture
{
    public SpecFixture()
    {
        Paths = RepositoryPaths.Find(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException($"No {RepositoryPaths.SolutionFile} above {AppContext.BaseDirectory}.");
        Spec = SpecLoader.LoadAsync(Paths.Spec).GetAwaiter().GetResult();
        Resources = CatalogBuilder.Build(Spec.Document, OverridesReader.ReadFile(Paths.Overrides));
    }

    public RepositoryPaths Paths { get; }

    public SpecLoadResult Spec { get; }

    /// <summary>What the committed spec and overrides produce, in-process.</summary>
    public IReadOnlyList<ResourceDescriptor> Resources { get; }

    public ResourceDescriptor Resource(string typeName) => Resources.Single(r => r.TypeName == typeName);
}

[CollectionDefinition(Name)]
public sealed class SpecCollection : ICollectionFixture<SpecFixture>
{
    public const string Name = "spec";
}
