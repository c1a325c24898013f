using Waldur.Catalog.Model;

namespace Waldur.GraphGateway.WaldurApi;

/// <summary>
/// The row shape of every catalog resource (singleton). A nested object field whose type is a catalog resource reads
/// into that resource's shape (images hold whole regions, U5); one whose type is not in the catalog is kept as JSON text.
/// </summary>
internal sealed class RowShapes
{
    private readonly Dictionary<string, RowShape> _shapes = new(StringComparer.Ordinal);

    public RowShapes(ResourceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        foreach (var resource in catalog.Resources)
        {
            _shapes[resource.TypeName] = new RowShape(resource.TypeName);
        }

        foreach (var resource in catalog.Resources)
        {
            var fields = resource.Fields
                .Select((f, i) => new RowField(f, i, f.ObjectType is { } type && _shapes.TryGetValue(type, out var nested) ? nested : null))
                .ToArray();
            _shapes[resource.TypeName].Complete(fields);
        }
    }

    public RowShape this[string typeName] => _shapes[typeName];
}
