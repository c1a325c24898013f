using Microsoft.Extensions.Primitives;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading;

/// <summary>
/// Reads positions [start, end) of the gateway's order from rows fetched in Waldur's order (<see cref="ServerOrder"/>:
/// by name, or by an <c>o</c> prefix of the requested keys; U16: with no tie-breaker). Runs of equal keys are contiguous
/// in any database order, so a run that starts and ends inside the fetched rows is known exactly, whatever order Waldur
/// chose inside it, and is re-ordered here by the remaining requested keys and uuid.
/// A run cut by the edge of the fetched rows may continue in rows Waldur would order differently on another request,
/// so it is re-read whole with exact filters (<c>readRun</c> of <see cref="ReadAsync"/>; one request when it fits one Waldur page) and
/// placed by arithmetic: a run cut on
/// the left ends where it ends in the fetched rows, one cut on the right starts where it starts. Only a run cut on both
/// sides needs one more request to find its start. Returns null when a run cannot be re-read exactly, or when Waldur's
/// <c>o</c> order disagrees with the gateway's (the caller scans).
/// </summary>
internal static class ServerOrderWindow
{
    public static async Task<IReadOnlyList<WaldurRow>?> ReadAsync(ListFetcher fetcher, ListResource resource, WaldurListQuery query,
        ServerOrder order, Func<SortedDictionary<string, StringValues>, Task<IReadOnlyList<WaldurRow>?>> readRun, RowRange range, int start, int end,
        IComparer<WaldurRow> comparer, CancellationToken cancellationToken)
    {
        var rows = range.Rows;
        for (var i = 1; i < rows.Count; i++)
        {
            if (!order.InOrder(rows[i - 1], rows[i]))
            {
                return null;
            }
        }

        var result = new List<WaldurRow>(end - start);
        var position = start;
        while (position < end)
        {
            var index = position - range.Start;
            if (index < 0 || index >= rows.Count)
            {
                throw ListFetcher.Inconsistent();
            }

            var sample = rows[index];
            var lo = index;
            while (lo > 0 && order.SameRun(rows[lo - 1], sample))
            {
                lo--;
            }

            var hi = index + 1;
            while (hi < rows.Count && order.SameRun(rows[hi], sample))
            {
                hi++;
            }

            var leftOpen = lo == 0 && range.Start > 0;
            var rightOpen = hi == rows.Count && range.Start + hi < range.Total;
            List<WaldurRow> run;
            int runStart;
            if (!leftOpen && !rightOpen)
            {
                run = Sorted(rows, lo, hi, comparer);
                runStart = range.Start + lo;
            }
            else
            {
                var group = order.RunFilters(query, sample) is { } filters ? await readRun(filters) : null;
                if (group is null)
                {
                    return null;
                }

                run = Sorted(group, 0, group.Count, comparer);
                runStart = !leftOpen ? range.Start + lo
                    : !rightOpen ? range.Start + hi - run.Count
                    : await LocateAsync(fetcher, resource, query, order, range, sample, run.Count, cancellationToken);
            }

            if (runStart > position || runStart + run.Count <= position || run.Count < hi - lo)
            {
                throw ListFetcher.Inconsistent();
            }

            var take = Math.Min(end, runStart + run.Count);
            for (; position < take; position++)
            {
                result.Add(run[position - runStart]);
            }
        }

        return result;
    }

    /// <summary>
    /// A run in the gateway's order. The comparer ends in uuid, a total order, so an in-place sort gives what a stable one
    /// would; most runs are one row and need none.
    /// </summary>
    private static List<WaldurRow> Sorted(IReadOnlyList<WaldurRow> rows, int from, int to, IComparer<WaldurRow> comparer)
    {
        var run = new List<WaldurRow>(to - from);
        for (var i = from; i < to; i++)
        {
            run.Add(rows[i]);
        }

        if (run.Count > 1)
        {
            run.Sort(comparer);
        }

        return run;
    }

    /// <summary>
    /// Where a run that covers all fetched rows starts: it lies within [fetched end − size, fetched start], and every
    /// row before it sorts lower, so counting the other runs' rows in that stretch gives the start.
    /// </summary>
    private static async Task<int> LocateAsync(ListFetcher fetcher, ListResource resource, WaldurListQuery query,
        ServerOrder order, RowRange range, WaldurRow sample, int size, CancellationToken cancellationToken)
    {
        if (size >= range.Total)
        {
            return 0;
        }

        var from = Math.Max(0, range.End - size);
        if (from >= range.Start)
        {
            return range.Start;
        }

        var before = await fetcher.RangeAsync(resource, query, from, range.Start, cancellationToken);
        var others = 0;
        for (var i = 0; i < before.Rows.Count; i++)
        {
            var position = before.Start + i;
            if (position >= from && position < range.Start && !order.SameRun(before.Rows[i], sample))
            {
                others++;
            }
        }

        return from + others;
    }
}
