using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Waldur.Catalog.Generator;

namespace Waldur.Emulator.Tests;

/// <summary>
/// The repository's OpenAPI 3.0 documents, read as the catalog generator reads them (<see cref="SpecLoader"/>), with the
/// <c>nullable: true</c> the reader drops on schemas without a <c>type</c> (Waldur's <c>allOf: [$ref], nullable: true</c>,
/// <c>oneOf</c> enums and untyped JSONFields) taken from the YAML (<see cref="SpecYaml"/>) and kept beside the model:
/// <see cref="IsNullable"/> answers it for any schema of a document read here.
/// </summary>
public static class SpecDocuments
{
    private static readonly object Marker = new();

    // Keyed by the schema objects themselves (a reference is looked up by its target), so documents need no registry of their own.
    private static readonly ConditionalWeakTable<IOpenApiSchema, object> UntypedNullable = [];

    public static RepositoryPaths Repository { get; } = RepositoryPaths.Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"no {RepositoryPaths.SolutionFile} above {AppContext.BaseDirectory}");

    /// <summary>Reads the document; the generator's loader throws on any reader error it does not know Waldur 8.0.5 for.</summary>
    public static SpecLoadResult Load(string path)
    {
        // Off the test's synchronization context: the loader awaits, and this blocks (a Lazy's factory).
        var result = Task.Run(() => SpecLoader.LoadAsync(path)).GetAwaiter().GetResult();
        new OpenApiWalker(new NullableFinder(SpecYaml.Load(path))).Walk(result.Document);
        return result;
    }

    /// <summary>OpenAPI 3.0's <c>nullable</c> of a schema (not of <c>enum: [null]</c>, which only lists null).</summary>
    public static bool IsNullable(IOpenApiSchema schema) => OpenApi30Schema.TypeName(schema) is not null
        ? schema.Type?.HasFlag(JsonSchemaType.Null) == true
        : UntypedNullable.TryGetValue(schema is OpenApiSchemaReference { Target: { } target } ? target : schema, out _);

    /// <summary>Walks every schema the document holds in place (references are walked where they point), by its JSON pointer.</summary>
    private sealed class NullableFinder(JsonNode yaml) : OpenApiVisitorBase
    {
        public override void Visit(IOpenApiSchema schema)
        {
            if (OpenApi30Schema.TypeName(schema) is null && !OpenApi30Schema.IsOnlyNull(schema)
                && OpenApi30Schema.IsNullable(schema, SpecYaml.AtPointer(yaml, PathString)))
            {
                UntypedNullable.AddOrUpdate(schema, Marker);
            }
        }
    }
}
