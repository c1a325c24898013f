using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading;

/// <summary>
/// Reads positions [start, end) of the gateway's order from rows fetched in Waldur's default order (U16: by name,
/// with no tie-breaker). Runs of equal names are contiguous in any database order, so a run that starts and ends
/// inside the fetched rows is known exactly, whatever order Waldur chose inside it, and is re-ordered by uuid here.
/// A run cut by the edge of the fetched rows may continue in rows Waldur would order differently on another request,
/// so it is re-read whole with the exact-name parameter (one request) and placed by arithmetic: a run cut on the left
/// ends where it ends in the fetched rows, one cut on the right starts where it starts. Only a run cut on both sides
/// needs one more request to find its start. Returns null when a run cannot be re-read exactly (the caller scans).
/// </summary>
internal static class ServerOrderWindow
{
    public static async Task<IReadOnlyList<T>?> ReadAsync<T>(ListFetcher fetcher, ListResource<T> resource, WaldurListQuery query,
        RowRange<T> range, int start, int end, IComparer<T> comparer, CancellationToken cancellationToken)
        where T : class
    {
        var rows = range.Rows;
        var result = new List<T>(end - start);
        var position = start;
        while (position < end)
        {
            var index = position - range.Start;
            if (index < 0 || index >= rows.Count)
            {
                throw ListFetcher.Inconsistent();
            }

            var key = resource.DefaultOrderKey(rows[index]);
            var lo = index;
            while (lo > 0 && resource.DefaultOrderKey(rows[lo - 1]) == key)
            {
                lo--;
            }

            var hi = index + 1;
            while (hi < rows.Count && resource.DefaultOrderKey(rows[hi]) == key)
            {
                hi++;
            }

            var leftOpen = lo == 0 && range.Start > 0;
            var rightOpen = hi == rows.Count && range.Start + hi < range.Total;
            List<T> run;
            int runStart;
            if (!leftOpen && !rightOpen)
            {
                run = rows.Skip(lo).Take(hi - lo).Order(comparer).ToList();
                runStart = range.Start + lo;
            }
            else
            {
                var group = await fetcher.GroupAsync(resource, query, key, cancellationToken).ConfigureAwait(false);
                if (group is null)
                {
                    return null;
                }

                run = group.Order(comparer).ToList();
                runStart = !leftOpen ? range.Start + lo
                    : !rightOpen ? range.Start + hi - run.Count
                    : await LocateAsync(fetcher, resource, query, range, key, run.Count, cancellationToken).ConfigureAwait(false);
            }

            if (runStart > position || runStart + run.Count <= position)
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
    /// Where a run that covers all fetched rows starts: it lies within [fetched end − size, fetched start], and every
    /// row before it sorts lower, so counting the other names in that stretch gives the start.
    /// </summary>
    private static async Task<int> LocateAsync<T>(ListFetcher fetcher, ListResource<T> resource, WaldurListQuery query,
        RowRange<T> range, string key, int size, CancellationToken cancellationToken)
        where T : class
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

        var before = await fetcher.RangeAsync(resource, query, from, range.Start, cancellationToken).ConfigureAwait(false);
        var others = 0;
        for (var i = 0; i < before.Rows.Count; i++)
        {
            var position = before.Start + i;
            if (position >= from && position < range.Start && resource.DefaultOrderKey(before.Rows[i]) != key)
            {
                others++;
            }
        }

        return from + others;
    }
}
