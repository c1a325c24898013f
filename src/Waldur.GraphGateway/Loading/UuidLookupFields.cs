using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading;

/// <summary>
/// For each resource, the GraphQL field names that may look its rows up by uuid (its by-uuid fields and every reference
/// to it), also for each type nested in its rows (an image's regions). A list read with a projection yields partial rows,
/// which never prime the by-uuid caches; so when the operation also uses one of these fields, the list reads whole rows
/// and the lookup costs no Waldur request (a list then <c>node(id:)</c> of what it listed).
/// </summary>
internal sealed class UuidLookupFields
{
    private readonly Dictionary<string, HashSet<string>> _byType;

    public UuidLookupFields(IReadOnlyList<ListResource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var direct = resources.ToDictionary(r => r.TypeName,
            r => new HashSet<string>(new[] { r.Descriptor.ByUuidField, r.Descriptor.ByUuidsField }.OfType<string>(), StringComparer.Ordinal),
            StringComparer.Ordinal);
        var byRetrieve = resources.Where(r => r.Descriptor.RetrieveOperationId is not null)
            .GroupBy(r => r.Descriptor.RetrieveOperationId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().TypeName, StringComparer.Ordinal);
        foreach (var field in resources.SelectMany(r => r.Descriptor.Fields))
        {
            if (field is { ReferenceField: { } name, ReferenceOperationId: { } operation } && byRetrieve.TryGetValue(operation, out var target))
            {
                direct[target].Add(name);
            }
        }

        _byType = resources.ToDictionary(r => r.TypeName, r => RowTypes(r.Endpoint.Shape)
            .SelectMany(t => direct.TryGetValue(t, out var names) ? names : [])
            .ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>The field names that may want <paramref name="resource"/>'s rows, or rows nested in them, whole.</summary>
    public IReadOnlySet<string> For(ListResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return _byType.TryGetValue(resource.TypeName, out var names) ? names : [];
    }

    /// <summary>The shape's type and every type nested in it, at any depth.</summary>
    private static HashSet<string> RowTypes(RowShape shape)
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<RowShape>([shape]);
        while (pending.TryPop(out var next))
        {
            if (!types.Add(next.TypeName))
            {
                continue;
            }

            foreach (var field in next.Fields)
            {
                if (field.Nested is { } nested)
                {
                    pending.Push(nested);
                }
            }
        }

        return types;
    }
}
