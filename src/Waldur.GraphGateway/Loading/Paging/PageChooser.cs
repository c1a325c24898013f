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
    /// Spare rows wanted around a window in Waldur's default order, beyond the row each side it reads anyway to see
    /// whether its edge cuts a run of equal names: a few. Waldur lists one image per DigitalOcean service settings
    /// (waldur_digitalocean/models.py Image(GeneralServiceProperty): unique per settings and backend_id), so a name
    /// repeats as often as settings share it (the emulator's longest run is 5): 4 spare rows show such a run whole,
    /// so `first: 20` reads 25 rows in one request; a longer run at the edge costs one exact-name request for it.
    /// </summary>
    public const int NameOrderMargin = 4;

    /// <summary>
    /// Spare rows wanted in a default name order Waldur has no exact-name filter for: a cut run could only be read by a
    /// scan, so the window wants 32 rows each side, which nearly always show a whole run.
    /// </summary>
    public const int UnreadableRunMargin = 32;

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
