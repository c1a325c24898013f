using Microsoft.Extensions.Primitives;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading;

/// <summary>
/// How the children of many parents are read together (<see cref="DataLoading.ChildRowsDataLoader"/>): through <see cref="Link"/>
/// when it takes several parents at once (<c>customer=u1,u2</c>), else through one of <see cref="Ancestors"/>, the
/// single-value filters on fields every child shares with its parent (<c>customer_uuid</c>), with <see cref="Link"/>
/// (<c>resource_uuid</c>) only naming the child field to group by. <see cref="Pushdown"/>: the filters Waldur applies itself;
/// <see cref="Projection"/>: the fields read (its <c>Reads</c>, <c>SendsFields</c> and <c>NestedReads</c>; null: every field).
/// </summary>
internal sealed record ChildBatch(PushdownRule Link, IReadOnlyList<PushdownRule> Ancestors, SortedDictionary<string, StringValues> Pushdown,
    WaldurListQuery? Projection = null)
{
    public bool ByAncestor => Ancestors.Count > 0;

    /// <summary>What identifies the loader: parents asking with the same batch share one.</summary>
    public string Key(ListResource source) =>
        $"{source.TypeName}|{Link.Parameter}|{string.Join(',', Ancestors.Select(a => a.Parameter))}|{Query(Pushdown).PageKey}";

    /// <summary>A list request of this batch: <paramref name="filters"/>, the first page of the most rows, the projection's fields.</summary>
    public WaldurListQuery Query(SortedDictionary<string, StringValues> filters) =>
        new(filters, null, 1, WaldurListQuery.MaxPageSize)
        {
            Reads = Projection?.Reads, SendsFields = Projection?.SendsFields ?? false, NestedReads = Projection?.NestedReads,
        };
}
