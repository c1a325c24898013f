namespace Waldur.GraphGateway.Loading.Paging;

/// <summary>
/// Picks the <c>page</c>/<c>page_size</c> (U17: at most 300) that covers a range of row positions with the fewest
/// Waldur requests. Among equally cheap choices it prefers the one that leaves the most rows around the range, because
/// those rows show whether a run of tied names is cut at the range's edges (see <see cref="ListPlanner"/>); a cut run
/// costs another request. A page that starts at position 0 has nothing to its left, so it counts as unbounded margin.
/// </summary>
public static class PageChooser
{
    public static PageChoice Choose(int start, int end, int maxPageSize = WaldurApi.WaldurListQuery.MaxPageSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(end, start);
        PageChoice best = default;
        (int Count, int Margin, int Size) bestScore = (int.MaxValue, -1, 0);
        for (var size = maxPageSize; size >= 1; size--)
        {
            var firstIndex = start / size;
            var lastIndex = (end - 1) / size;
            var count = lastIndex - firstIndex + 1;
            var left = firstIndex == 0 ? int.MaxValue : start - (firstIndex * size);
            var right = ((lastIndex + 1) * size) - end;
            var margin = Math.Min(left, right);
            if (count < bestScore.Count || (count == bestScore.Count && margin > bestScore.Margin))
            {
                bestScore = (count, margin, size);
                best = new PageChoice(size, firstIndex + 1, count);
            }
        }

        return best;
    }
}
