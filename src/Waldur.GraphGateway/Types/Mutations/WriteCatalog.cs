using Waldur.Catalog.Generated;
using Waldur.Catalog.Model;

namespace Waldur.GraphGateway.Types.Mutations;

/// <summary>
/// The writes the schema offers as mutations: the reviewed ones (<c>WaldurWrites.Reviewed</c>) whose resource is
/// selected, and the generated ones (<c>WaldurWrites.Generated</c>, issue 23) of selected lists nobody reviewed, so the
/// default schema keeps exactly the reviewed mutations; the generated writes of no list come with the selected unreviewed
/// lists of their tag (<c>Catalog:Include=marketplace</c>); with every list selected (<c>Catalog:Include=*</c>) every
/// write, including those of reviewed types.
/// </summary>
internal sealed class WriteCatalog(IReadOnlyList<WriteDescriptor> writes)
{
    public IReadOnlyList<WriteDescriptor> Writes { get; } = writes;

    public static WriteCatalog For(ResourceCatalog selected)
    {
        ArgumentNullException.ThrowIfNull(selected);
        var everything = selected.Resources.Count == WaldurCatalog.All.Resources.Count;
        var tags = selected.Resources.Where(r => !WaldurCatalog.Reviewed.TryGet(r.TypeName, out _)).Select(r => r.Tag).ToHashSet(StringComparer.Ordinal);
        bool Generated(WriteDescriptor w) => w.TypeName is { } type
            ? selected.TryGet(type, out _) && (everything || !WaldurCatalog.Reviewed.TryGet(type, out _))
            : everything || (w.Tag is { } tag && tags.Contains(tag));
        var reviewed = WaldurWrites.Reviewed.Where(w => selected.TryGet(w.TypeName!, out _));
        return new WriteCatalog([.. reviewed, .. everything || tags.Count > 0 ? WaldurWrites.Generated.Where(Generated) : []]);
    }
}
