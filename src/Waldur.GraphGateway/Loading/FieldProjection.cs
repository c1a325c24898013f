using Waldur.GraphGateway.Loading.Sorting;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading;

/// <summary>
/// Which of a resource's fields one list request needs from Waldur: the item fields the query selects (a reference
/// needs its uuid, <c>id</c> and reverse connections the row's uuid), plus what the gateway itself reads: uuid (Waldur
/// adds it only when asked; the url is read only when selected, it is the longest string of most rows), the default order's field, the <c>o</c> keys, residual filters and sorts. Null means
/// every field: when unsure, read everything. The rows keep only these keys whether or not the list takes <c>field=</c>
/// (without it Waldur still sends every key and the reader skips the rest): each unread key would be a string or a boxed
/// value allocated per row, which over a scan of thousands of rows with nested regions is most of the gateway's CPU (S3).
/// </summary>
internal static class FieldProjection
{
    public static IReadOnlyCollection<string>? Selected(ListResource resource, IReadOnlyCollection<string>? selection)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (selection is null)
        {
            return null;
        }

        var shape = resource.Endpoint.Shape;
        var fields = new HashSet<string>(StringComparer.Ordinal) { "uuid" };
        foreach (var name in selection)
        {
            if (name is "__typename")
            {
                continue;
            }
            // A sub-field (`regions.name`, `customer.name`): kept for NestedKeys; its parent is judged on its own.
            if (name.Contains('.', StringComparison.Ordinal))
            {
                fields.Add(name);
            }
            // The shape's fields come first (Waldur's own `id` is the field `waldurId`; `id` is only ever the global id).
            else if (shape.TryGetField(name, out _))
            {
                fields.Add(name);
            }
            else if (name is "id")
            {
                fields.Add("uuid");
            }
            // A reverse connection needs the row's uuid, and its ancestors to batch it with other parents sharing one.
            else if (resource.Descriptor.ReverseConnections.FirstOrDefault(r => r.Name == name) is { } reverse)
            {
                fields.Add("uuid");
                fields.UnionWith(reverse.AncestorFields.Where(f => shape.TryGetField(f, out _)));
            }
            else if (resource.Descriptor.Fields.FirstOrDefault(f => f.ReferenceField == name) is { } reference)
            {
                fields.Add(reference.Name);
            }
            else
            {
                return null; // a field this rule does not know: ask for everything rather than guess.
            }
        }
        return fields;
    }

    /// <summary>
    /// <paramref name="query"/> reading only the keys <see cref="Keys"/> names, sent as <c>field=</c> when Waldur takes
    /// it for the list and can name each of them (a field outside its choices comes only without <c>field=</c>).
    /// </summary>
    public static WaldurListQuery Apply(WaldurListQuery query, ListResource resource, IReadOnlyCollection<string>? selected,
        IEnumerable<string> residualFields, IEnumerable<SortKey> order)
    {
        ArgumentNullException.ThrowIfNull(query);
        var keys = Keys(resource, selected, residualFields, order);
        var sendable = keys is not null && resource.Descriptor.SparseFields
                       && resource.Endpoint.Shape.Fields.All(f => f.Descriptor.Projectable || !keys.Contains(f.Descriptor.JsonName));
        return query with { Reads = keys, SendsFields = sendable, NestedReads = keys is null ? null : NestedKeys(resource, selected!, residualFields, order) };
    }

    /// <summary>
    /// For each nested object field read (an image's <c>regions</c>), the keys its rows need when the selection says:
    /// uuid (nested rows are keyed) and the sub-fields selected. Read whole (left out) when a residual filter or sort
    /// reads it, its sub-selection names something this rule does not know, or it takes arguments (<c>field.*</c>).
    /// </summary>
    private static Dictionary<string, IReadOnlyList<string>> NestedKeys(ListResource resource, IReadOnlyCollection<string> selected,
        IEnumerable<string> residualFields, IEnumerable<SortKey> order)
    {
        var planned = new HashSet<string>(residualFields, StringComparer.Ordinal);
        planned.UnionWith(order.Select(k => k.Field));
        var nested = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var field in resource.Endpoint.Shape.Fields)
        {
            if (field.Nested is not { } shape || planned.Contains(field.Name))
            {
                continue;
            }

            var prefix = field.Name + ".";
            var subFields = selected.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Select(n => n[prefix.Length..]).ToList();
            if (subFields.Count == 0 || subFields.Any(n => n is "*" || (n is not ("__typename" or "id") && !shape.TryGetField(n, out _))))
            {
                continue;
            }

            nested[field.Descriptor.JsonName] = shape.Fields.Where(f => f.Name is "uuid" || subFields.Contains(f.Name))
                .Select(f => f.Descriptor.JsonName).ToList();
        }

        return nested;
    }

    /// <summary>The Waldur keys for <paramref name="selected"/> plus what the plan reads, in the shape's order.</summary>
    public static IReadOnlyList<string>? Keys(ListResource resource, IReadOnlyCollection<string>? selected, IEnumerable<string> residualFields,
        IEnumerable<SortKey> order)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (selected is null)
        {
            return null;
        }

        var needed = new HashSet<string>(selected, StringComparer.Ordinal) { "uuid", resource.DefaultOrderField };
        needed.UnionWith(resource.ServerSort.Select(s => s.Field));
        needed.UnionWith(residualFields);
        needed.UnionWith(order.Select(k => k.Field));
        return resource.Endpoint.Shape.Fields.Where(f => needed.Contains(f.Name)).Select(f => f.Descriptor.JsonName).ToList();
    }
}
