namespace Waldur.GraphGateway.Loading.Paging;

/// <summary>
/// Picks the <c>page</c>/<c>page_size</c> (U17: at most 300) that covers a range of row positions with the fewest
/// Waldur requests. Among equally cheap choices it wants up to <c>wantedMargin</c> spare rows on each side of the
/// range, because those rows show whether a run of tied keys is cut at the range's edges (see
/// <see cref="ListPlanner"/>; a cut run costs another request), and then the fewest rows: every row Waldur sends is
/// serialised, sent, parsed and primed. A page that starts at position 0 has nothing to its left (full margin there).
/// </summary>
internal static class PageChooser
{
    /// <summary>
    /// Spare rows wanted around a window in Waldur's default order: runs of equal names are short (a handful of
    /// snapshots named alike), so 32 rows nearly always show a whole run, and `first: 20` reads 53 rows, not 300.
    /// Orders pushed down as <c>o</c> tie in long runs (a distribution has many images) and want the whole page.
    /// </summary>
    public const int NameOrderMargin = 32;

    public static PageChoice Choose(int start, int end, int wantedMargin = int.MaxValue, int maxPageSize = WaldurApi.WaldurListQuery.MaxPageSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(end, start);
        PageChoice best = default;
        (int Count, int Margin, int Rows) bestScore = (int.MaxValue, -1, int.MaxValue);
        for (var size = maxPageSize; size >= 1; size--)
        {
            var firstIndex = start / size;
            var lastIndex = (end - 1) / size;
            var count = lastIndex - firstIndex + 1;
            var left = firstIndex == 0 ? int.MaxValue : start - (firstIndex * size);
            var right = ((lastIndex + 1) * size) - end;
            var margin = Math.Min(wantedMargin, Math.Min(left, right));
            var rows = count * size;
            if (count < bestScore.Count
                || (count == bestScore.Count && (margin > bestScore.Margin || (margin == bestScore.Margin && rows < bestScore.Rows))))
            {
                bestScore = (count, margin, rows);
                best = new PageChoice(size, firstIndex + 1, count);
            }
        }

        return best;
    }
}
