using Waldur.GraphGateway.Loading.Paging;

namespace Waldur.GraphGateway.Tests.Support;

/// <summary>
/// What a first page in Waldur's name order costs (ListPlanExecutor): one page of the slice, the row past its edge and
/// <see cref="PageChooser.NameOrderMargin"/> spare rows; and one exact-name read of the run at the edge when that run
/// goes on past the page (Waldur orders ties arbitrarily, U16, so a cut run is read whole to order it by uuid).
/// </summary>
internal static class WindowEdge
{
    /// <summary>Waldur requests for the first <paramref name="first"/> of <paramref name="names"/> (every matching row).</summary>
    public static int Requests(IEnumerable<string> names, int first)
    {
        var sorted = names.Order(StringComparer.Ordinal).ToList();
        var pageRows = Math.Min(sorted.Count, first + 1 + PageChooser.NameOrderMargin);
        if (first == 0 || sorted.Count <= first || sorted[first - 1] != sorted[first])
        {
            return 1;
        }

        var runEnd = first;
        while (runEnd < sorted.Count && sorted[runEnd] == sorted[first - 1])
        {
            runEnd++;
        }

        return runEnd >= pageRows && runEnd < sorted.Count ? 2 : 1;
    }
}
