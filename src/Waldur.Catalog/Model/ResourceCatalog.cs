namespace Waldur.Catalog.Model;

/// <summary>The resources of one catalog, by GraphQL type name, in the catalog's order.</summary>
public sealed class ResourceCatalog
{
    private readonly Dictionary<string, ResourceDescriptor> _byType;

    public ResourceCatalog(IReadOnlyList<ResourceDescriptor> resources)
    {
        Resources = resources;
        _byType = resources.ToDictionary(r => r.TypeName, StringComparer.Ordinal);
    }

    public IReadOnlyList<ResourceDescriptor> Resources { get; }

    public ResourceDescriptor this[string typeName] => _byType.TryGetValue(typeName, out var resource)
        ? resource
        : throw new KeyNotFoundException($"No resource '{typeName}' in the catalog.");

    public bool TryGet(string typeName, out ResourceDescriptor resource) => _byType.TryGetValue(typeName, out resource!);

    /// <summary>The resource whose retrieve operation is <paramref name="operationId"/> (what a reference names), if in the catalog.</summary>
    public ResourceDescriptor? ByRetrieveOperation(string operationId) =>
        Resources.FirstOrDefault(r => string.Equals(r.RetrieveOperationId, operationId, StringComparison.Ordinal));
}
