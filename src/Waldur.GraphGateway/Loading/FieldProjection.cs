using Waldur.GraphGateway.Loading.Sorting;

namespace Waldur.GraphGateway.Loading;

/// <summary>
/// Which of a resource's fields one list request needs from Waldur (sent as <c>field=</c> where the list takes it): the
/// item fields the query selects (a reference needs its uuid, <c>id</c> and reverse connections the row's uuid), plus
/// what the gateway itself reads: uuid and url (Waldur adds neither unasked), the default order's field, the <c>o</c>
/// keys, residual filters and sorts. Null means every field (also when one of them is not among Waldur's <c>field=</c> choices).
/// </summary>
public static class FieldProjection
{
    public static IReadOnlyCollection<string>? Selected(ListResource resource, IReadOnlyCollection<string>? selection)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (selection is null || !resource.Descriptor.SparseFields)
            return null;
        var shape = resource.Endpoint.Shape;
        var fields = new HashSet<string>(StringComparer.Ordinal) { "uuid" };
        foreach (var name in selection)
        {
            if (name is "__typename")
                continue;
            if (name is "id" || resource.Descriptor.ReverseConnections.Any(r => r.Name == name))
                fields.Add("uuid");
            else if (shape.TryGetField(name, out _))
                fields.Add(name);
            else if (resource.Descriptor.Fields.FirstOrDefault(f => f.ReferenceField == name) is { } reference)
                fields.Add(reference.Name);
            else
                return null; // a field this rule does not know: ask for everything rather than guess.
        }
        return fields;
    }

    /// <summary>The Waldur keys for <paramref name="selected"/> plus what the plan reads, in the shape's order.</summary>
    public static IReadOnlyList<string>? Keys(ListResource resource, IReadOnlyCollection<string>? selected, IEnumerable<string> residualFields,
        IEnumerable<SortKey> order)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (selected is null)
            return null;
        var needed = new HashSet<string>(selected, StringComparer.Ordinal) { "uuid", "url", resource.DefaultOrderField };
        needed.UnionWith(resource.ServerSort.Select(s => s.Field));
        needed.UnionWith(residualFields);
        needed.UnionWith(order.Select(k => k.Field));
        var fields = resource.Endpoint.Shape.Fields.Where(f => needed.Contains(f.Name)).ToList();
        // A field `field=` cannot name (not in the list's choices) comes only without `field=`: then ask for everything.
        return fields.All(f => f.Descriptor.Projectable) ? fields.Select(f => f.Descriptor.JsonName).ToList() : null;
    }
}
