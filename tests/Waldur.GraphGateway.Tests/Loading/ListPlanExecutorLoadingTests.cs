using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.Loading.Paging;
using Waldur.GraphGateway.Loading.Sorting;
using Waldur.GraphGateway.WaldurApi;
using Xunit;
using static Waldur.GraphGateway.Tests.Loading.ExecutorHarness;

namespace Waldur.GraphGateway.Tests.Loading;

/// <summary>
/// <see cref="ListPlanExecutor"/>'s window and count paths against a scripted Waldur: the exact requests (page sizes
/// from <see cref="PageChooser"/>'s margins), the rows in the gateway's order, cursors and the decision it records.
/// </summary>
public sealed class ListPlanExecutorLoadingTests
{
    private static ListResource Images => TestCatalog.Images;

    /// <summary>Ten images in Waldur's name order; ties come with the higher uuid first, so the gateway must re-order them.</summary>
    private static List<WaldurRow> Ten() =>
    [
        Image(2, "a"), Image(1, "a"), Image(5, "b"), Image(4, "b"), Image(3, "b"),
        Image(6, "c"), Image(8, "d"), Image(7, "d"), Image(9, "e"), Image(10, "f"),
    ];

    /// <summary>Uuids of the gateway's order over <see cref="Ten"/>: name, then uuid.</summary>
    private static readonly int[] TenInOrder = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

    private static IEnumerable<string> Uuids(ConnectionPage page) => page.Edges.Select(e => e.Node.Uuid);

    private static IEnumerable<string> Uuids(params int[] uuids) => uuids.Select(Uuid);

    private static int[] Positions(ConnectionPage page, byte[] hash) => [.. page.Edges.Select(e => CursorCodec.Decode(e.Cursor, hash, "after"))];

    [Fact]
    public async Task First_n_in_name_order_is_one_page_with_spare_rows_and_ties_by_uuid()
    {
        using var waldur = new ExecutorHarness(Ten());
        var hash = Hash(Images, null, []);
        var page = await waldur.RunAsync(Images, new ListRequest(null, [], First(3)));

        // Positions [0, 4): the row after the slice shows a cut tie, plus the spare rows (PageChooser.NameOrderMargin).
        Assert.Equal([$"GET page=1&page_size={4 + PageChooser.NameOrderMargin}"], waldur.Log);
        Assert.Equal(4 + PageChooser.NameOrderMargin, waldur.WindowPageSize);
        Assert.Equal("window", waldur.Decision);
        Assert.Equal(Uuids(1, 2, 3), Uuids(page));
        Assert.Equal([0, 1, 2], Positions(page, hash));
        Assert.Equal(10, page.TotalCount);
        Assert.Equal(new ConnectionPageInfo(true, false, CursorCodec.Encode(0, hash), CursorCodec.Encode(2, hash)), page.PageInfo);
    }

    [Fact]
    public async Task After_a_cursor_the_window_starts_one_row_before_it()
    {
        using var waldur = new ExecutorHarness(Ten());
        var hash = Hash(Images, null, []);
        var page = await waldur.RunAsync(Images, new ListRequest(null, [], First(3, after: 4, hash)));

        // Positions [4, 9) hold the slice [5, 8) and a row either side; page 1 leaves the spare rows after them.
        Assert.Equal([$"GET page=1&page_size={9 + PageChooser.NameOrderMargin}"], waldur.Log);
        Assert.Equal(Uuids(6, 7, 8), Uuids(page));
        Assert.Equal([5, 6, 7], Positions(page, hash));
        Assert.Equal(new ConnectionPageInfo(true, true, CursorCodec.Encode(5, hash), CursorCodec.Encode(7, hash)), page.PageInfo);
    }

    [Fact]
    public async Task Last_n_before_a_cursor_reads_backwards_from_it()
    {
        using var waldur = new ExecutorHarness(Ten());
        var hash = Hash(Images, null, []);
        var page = await waldur.RunAsync(Images, new ListRequest(null, [], Last(2, before: 6, hash)));

        Assert.Equal([$"GET page=1&page_size={7 + PageChooser.NameOrderMargin}"], waldur.Log);
        Assert.Equal(Uuids(5, 6), Uuids(page));
        Assert.Equal([4, 5], Positions(page, hash));
        Assert.Equal(new ConnectionPageInfo(true, true, CursorCodec.Encode(4, hash), CursorCodec.Encode(5, hash)), page.PageInfo);
    }

    [Fact]
    public async Task Last_n_of_an_uncounted_list_reads_the_last_page()
    {
        using var waldur = new ExecutorHarness(Ten());
        var hash = Hash(Images, null, []);
        var page = await waldur.RunAsync(Images, new ListRequest(null, [], Last(3)));

        Assert.Equal(["GET page=last&page_size=300"], waldur.Log);
        Assert.Equal(Uuids(8, 9, 10), Uuids(page));
        Assert.Equal([7, 8, 9], Positions(page, hash));
        Assert.Equal(new ConnectionPageInfo(false, true, CursorCodec.Encode(7, hash), CursorCodec.Encode(9, hash)), page.PageInfo);
    }

    [Fact]
    public async Task Last_n_of_a_counted_list_reads_the_range_before_its_end()
    {
        using var waldur = new ExecutorHarness(Ten());
        var filter = new FieldFilter("type", "eq", "base");
        var counted = await waldur.RunAsync(Images, new ListRequest(filter, [], First(3), NeedsRows: false));
        var page = await waldur.RunAsync(Images, new ListRequest(filter, [], Last(3)));

        // The known total (10) places the slice [7, 10) with one row before it: page 1 of 300 holds it.
        Assert.Equal(["HEAD type=base", "GET type=base&page=1&page_size=300"], waldur.Log);
        Assert.Equal(10, counted.TotalCount);
        Assert.Empty(counted.Edges);
        Assert.Equal(Uuids(8, 9, 10), Uuids(page));
        Assert.Equal(10, page.TotalCount);
    }

    [Fact]
    public async Task Last_n_reads_the_page_before_the_last_when_the_last_holds_no_row_before_the_slice()
    {
        using var waldur = new ExecutorHarness([.. Enumerable.Range(1, 650).Select(i => Image(i, $"n{i:D3}"))]);
        var page = await waldur.RunAsync(Images, new ListRequest(null, [], Last(50)));

        // The last page holds 50 rows; the row before the slice (to see a cut tie) is on page 2.
        Assert.Equal(["GET page=last&page_size=300", "GET page=2&page_size=300"], waldur.Log);
        Assert.Equal(Enumerable.Range(601, 50).Select(Uuid), Uuids(page));
        Assert.Equal(650, page.TotalCount);
    }

    [Fact]
    public async Task Last_n_of_a_counted_long_list_reads_one_page_around_the_slice_and_the_row_before_it()
    {
        using var waldur = new ExecutorHarness([.. Enumerable.Range(1, 650).Select(i => Image(i, $"n{i:D3}"))]);
        var filter = new FieldFilter("type", "eq", "base");
        await waldur.RunAsync(Images, new ListRequest(filter, [], First(3), NeedsRows: false));
        var page = await waldur.RunAsync(Images, new ListRequest(filter, [], Last(3)));

        // Positions [646, 650): page 3 of 259 ([518, 777)) holds them with the most spare rows before them.
        Assert.Equal(["HEAD type=base", "GET type=base&page=3&page_size=259"], waldur.Log);
        Assert.Equal(Uuids(648, 649, 650), Uuids(page));
    }

    [Fact]
    public async Task Last_n_longer_than_a_counted_list_is_the_whole_list()
    {
        using var waldur = new ExecutorHarness([.. Ten().Take(2)]);
        var filter = new FieldFilter("type", "eq", "base");
        await waldur.RunAsync(Images, new ListRequest(filter, [], First(3), NeedsRows: false));
        var page = await waldur.RunAsync(Images, new ListRequest(filter, [], Last(5)));

        Assert.Equal(["HEAD type=base", "GET type=base&page=1&page_size=300"], waldur.Log);
        Assert.Equal(Uuids(1, 2), Uuids(page));
        Assert.Equal(new ConnectionPageInfo(false, false, page.PageInfo.StartCursor, page.PageInfo.EndCursor), page.PageInfo);
    }

    [Fact]
    public async Task Last_n_of_a_list_counted_empty_asks_nothing_more()
    {
        using var waldur = new ExecutorHarness([]);
        var filter = new FieldFilter("type", "eq", "base");
        await waldur.RunAsync(Images, new ListRequest(filter, [], First(3), NeedsRows: false));
        var page = await waldur.RunAsync(Images, new ListRequest(filter, [], Last(3)));

        Assert.Equal(["HEAD type=base"], waldur.Log);
        Assert.Equal(0, page.TotalCount);
        Assert.Equal(new ConnectionPageInfo(false, false, null, null), page.PageInfo);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Zero_rows_asked_is_one_head(bool last)
    {
        using var waldur = new ExecutorHarness(Ten());
        var page = await waldur.RunAsync(Images, new ListRequest(null, [], last ? Last(0) : First(0)));

        Assert.Equal(["HEAD "], waldur.Log);
        Assert.Equal(10, page.TotalCount);
        Assert.Empty(page.Edges);
        Assert.Equal(new ConnectionPageInfo(!last, last, null, null), page.PageInfo);
    }

    [Fact]
    public async Task After_the_last_row_the_page_is_empty_and_knows_the_total()
    {
        using var waldur = new ExecutorHarness(Ten());
        var hash = Hash(Images, null, []);
        var page = await waldur.RunAsync(Images, new ListRequest(null, [], First(3, after: 9, hash)));

        Assert.Equal([$"GET page=1&page_size={14 + PageChooser.NameOrderMargin}"], waldur.Log);
        Assert.Empty(page.Edges);
        Assert.Equal(10, page.TotalCount);
        Assert.Equal(new ConnectionPageInfo(false, true, null, null), page.PageInfo);
    }

    [Fact]
    public async Task Before_a_cursor_past_the_end_reads_again_once_the_total_is_known()
    {
        var rows = Enumerable.Range(1, 100).Select(i => Image(i, $"n{i:D3}")).ToList();
        using var waldur = new ExecutorHarness(rows);
        var hash = Hash(Images, null, []);
        var page = await waldur.RunAsync(Images, new ListRequest(null, [], Last(3, before: 1000, hash)));

        // Positions [996, 1001) are past the end (404, U18): the HEAD gives 100, and [96, 100) is read again.
        Assert.Equal(3, waldur.Log.Count);
        Assert.Equal("HEAD ", waldur.Log[1]);
        // [95, 100) (the slice and the row before it) with the spare rows each side: page 8 of 13 is rows [91, 104).
        Assert.Equal("GET page=8&page_size=13", waldur.Log[2]);
        Assert.Equal(Uuids(98, 99, 100), Uuids(page));
        Assert.Equal([97, 98, 99], Positions(page, hash));
        Assert.Equal(100, page.TotalCount);
    }

    [Fact]
    public async Task A_run_of_ties_cut_by_the_page_edge_is_read_whole_by_exact_name()
    {
        // 40 rows named "a" (Waldur sends the higher uuids first) then 10 named "b": the first page cuts the run.
        var rows = Enumerable.Range(1, 40).Reverse().Select(i => Image(i, "a")).Concat(Enumerable.Range(41, 10).Select(i => Image(i, "b"))).ToList();
        using var waldur = new ExecutorHarness(rows);
        var page = await waldur.RunAsync(Images, new ListRequest(null, [], First(3)));

        Assert.Equal([$"GET page=1&page_size={4 + PageChooser.NameOrderMargin}", "GET name_exact=a&page=1&page_size=300"], waldur.Log);
        Assert.Equal(Uuids(1, 2, 3), Uuids(page));
        Assert.Equal(50, page.TotalCount);
        Assert.Equal("window", waldur.Decision);
    }

    [Fact]
    public async Task An_o_order_window_reads_a_whole_page_and_orders_ties_by_uuid()
    {
        using var waldur = new ExecutorHarness([Image(3, "x", "b"), Image(1, "y", "a"), Image(2, "z", "b"), Image(4, "w", "a")]);
        SortKey[] order = [new SortKey("type", true)];
        var page = await waldur.RunAsync(Images, new ListRequest(null, order, First(3)));

        // An `o` order ties in long runs, so it wants the whole page as margin.
        Assert.Equal(["GET o=-type&page=1&page_size=300"], waldur.Log);
        Assert.Equal(Uuids(2, 3, 1), Uuids(page));
        Assert.Equal(4, page.TotalCount);
        Assert.Equal("window", waldur.Decision);
    }

    [Fact]
    public async Task An_o_order_waldur_collates_differently_falls_back_to_a_scan()
    {
        // Waldur sorts `a` before `B` (its collation); ordinally `B` comes first, as the gateway orders.
        using var waldur = new ExecutorHarness([Image(1, "x", "a"), Image(2, "y", "B"), Image(3, "z", "a")]);
        var page = await waldur.RunAsync(Images, new ListRequest(null, [new SortKey("type", false)], First(2)));

        Assert.Equal(["GET o=type&page=1&page_size=300", "GET page=1&page_size=300"], waldur.Log);
        Assert.Equal(Uuids(2, 1), Uuids(page));
        Assert.Equal(3, page.TotalCount);
        Assert.Equal("scan", waldur.Decision);
    }

    [Fact]
    public async Task An_o_run_cut_by_the_page_edge_is_scanned_with_its_exact_filter()
    {
        var rows = Enumerable.Range(1, 310).Reverse().Select(i => Image(i, $"n{i}")).ToList();
        using var waldur = new ExecutorHarness(rows, budget: 310);
        var page = await waldur.RunAsync(Images, new ListRequest(null, [new SortKey("type", false)], First(3)));

        Assert.Equal(["GET o=type&page=1&page_size=300", "GET type=base&page=1&page_size=300", "GET type=base&page=2&page_size=300"], waldur.Log);
        Assert.Equal(Uuids(1, 2, 3), Uuids(page));
        Assert.Equal(310, page.TotalCount);
        Assert.Equal("window", waldur.Decision);
    }

    [Fact]
    public async Task An_o_run_past_the_scan_budget_falls_back_to_a_scan_that_reports_it()
    {
        var rows = Enumerable.Range(1, 310).Select(i => Image(i, $"n{i}")).ToList();
        using var waldur = new ExecutorHarness(rows, budget: 309);
        var error = await Assert.ThrowsAsync<GatewayException>(() =>
            waldur.RunAsync(Images, new ListRequest(null, [new SortKey("type", false)], First(3))));

        Assert.Equal(ErrorCodes.ScanBudgetExceeded, error.Code);
        Assert.StartsWith("`digitalOceanImages` would read 310 rows from Waldur (budget 309) to evaluate order by `type` in the gateway.", error.Message, StringComparison.Ordinal);
        Assert.Equal(["GET o=type&page=1&page_size=300", "GET type=base&page=1&page_size=300", "GET page=1&page_size=300"], waldur.Log);
        Assert.Equal("scan", waldur.Decision);
    }

    [Fact]
    public async Task A_count_only_plan_is_one_head_recorded_as_a_count()
    {
        using var waldur = new ExecutorHarness(Ten());
        var page = await waldur.RunAsync(Images, new ListRequest(new FieldFilter("type", "eq", "other"), [], First(3), NeedsRows: false));

        Assert.Equal(["HEAD type=other"], waldur.Log);
        Assert.Equal(0, page.TotalCount);
        Assert.Equal("count", waldur.Decision);
    }
    [Fact]
    public async Task A_pinned_name_is_one_run_so_the_window_reads_a_whole_page()
    {
        var rows = Enumerable.Range(1, 20).Select(i => Image(i, "a")).ToList();
        using var waldur = new ExecutorHarness(rows);
        var page = await waldur.RunAsync(Images, new ListRequest(new FieldFilter("name", "eq", "a"), [], First(3)));

        // Every row ties on the pinned name: a page with a few spare rows would only cut the run, so it reads 300.
        Assert.Equal(["GET name_exact=a&page=1&page_size=300"], waldur.Log);
        Assert.Equal(Uuids(1, 2, 3), Uuids(page));
        Assert.Equal(20, page.TotalCount);
    }
}
