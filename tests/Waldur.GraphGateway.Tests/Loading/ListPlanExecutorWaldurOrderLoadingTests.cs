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
/// <see cref="ListPlanExecutor"/> on generated lists (<see cref="ListResource.FollowsWaldurOrder"/>): pages are Waldur's
/// own pages in Waldur's order, and a scan keeps that order. The image list stands in for a generated one (marked so),
/// so its rows and filters are the ones the other tests know; Waldur's order here is deliberately not by name.
/// </summary>
public sealed class ListPlanExecutorWaldurOrderLoadingTests
{
    private static readonly ListResource Generated = new(TestCatalog.Images.Descriptor with { FollowWaldurOrder = true }, TestCatalog.Shapes["DigitalOceanImage"]);

    private static readonly ListResource Unpaged = new(TestCatalog.Images.Descriptor with { FollowWaldurOrder = true, Paged = false },
        TestCatalog.Shapes["DigitalOceanImage"]);

    private static readonly byte[] NoArguments = Hash(Generated, null, []);

    /// <summary>Ten images whose names run against Waldur's order: only Waldur's positions give uuids 1..10.</summary>
    private static List<WaldurRow> Ten() => [.. Enumerable.Range(1, 10).Select(i => Image(i, $"n{10 - i}", official: i % 2 == 0))];

    private static IEnumerable<string> Uuids(ConnectionPage page) => page.Edges.Select(e => e.Node.Uuid);

    private static IEnumerable<string> Uuids(params int[] uuids) => uuids.Select(Uuid);

    private static int[] Positions(ConnectionPage page, byte[] hash) => [.. page.Edges.Select(e => CursorCodec.Decode(e.Cursor, hash, "after"))];

    [Fact]
    public async Task First_n_is_the_waldur_page_of_that_size()
    {
        using var waldur = new ExecutorHarness(Ten());
        var page = await waldur.RunAsync(Generated, new ListRequest(null, [], First(3)));

        Assert.Equal(["GET page=1&page_size=3"], waldur.Log);
        Assert.Equal(Uuids(1, 2, 3), Uuids(page));
        Assert.Equal([0, 1, 2], Positions(page, NoArguments));
        Assert.Equal(10, page.TotalCount);
        Assert.Equal(new ConnectionPageInfo(true, false, CursorCodec.Encode(0, NoArguments), CursorCodec.Encode(2, NoArguments)), page.PageInfo);
        Assert.Null(waldur.Decision);
    }

    [Fact]
    public async Task After_a_cursor_on_a_page_boundary_is_the_next_waldur_page()
    {
        using var waldur = new ExecutorHarness(Ten());
        var page = await waldur.RunAsync(Generated, new ListRequest(null, [], First(3, after: 2, NoArguments)));

        Assert.Equal(["GET page=2&page_size=3"], waldur.Log);
        Assert.Equal(Uuids(4, 5, 6), Uuids(page));
        Assert.Equal([3, 4, 5], Positions(page, NoArguments));
        Assert.Equal(new ConnectionPageInfo(true, true, CursorCodec.Encode(3, NoArguments), CursorCodec.Encode(5, NoArguments)), page.PageInfo);
    }

    [Fact]
    public async Task After_a_cursor_off_a_boundary_reads_the_one_page_that_holds_the_slice()
    {
        using var waldur = new ExecutorHarness(Ten());
        var page = await waldur.RunAsync(Generated, new ListRequest(null, [], First(3, after: 1, NoArguments)));

        // Positions [2, 5): no page of 3 or 4 holds them, page 1 of 5 does (no margin is wanted in Waldur's order).
        Assert.Equal(["GET page=1&page_size=5"], waldur.Log);
        Assert.Equal(Uuids(3, 4, 5), Uuids(page));
        Assert.Equal([2, 3, 4], Positions(page, NoArguments));
    }

    [Fact]
    public async Task Last_n_counts_then_reads_the_last_positions()
    {
        using var waldur = new ExecutorHarness(Ten());
        var page = await waldur.RunAsync(Generated, new ListRequest(null, [], Last(2)));

        Assert.Equal(["HEAD ", "GET page=5&page_size=2"], waldur.Log);
        Assert.Equal(Uuids(9, 10), Uuids(page));
        Assert.Equal([8, 9], Positions(page, NoArguments));
        Assert.Equal(new ConnectionPageInfo(false, true, CursorCodec.Encode(8, NoArguments), CursorCodec.Encode(9, NoArguments)), page.PageInfo);
    }

    [Fact]
    public async Task Zero_rows_asked_is_one_head()
    {
        using var waldur = new ExecutorHarness(Ten());
        var page = await waldur.RunAsync(Generated, new ListRequest(null, [], First(0)));

        Assert.Equal(["HEAD "], waldur.Log);
        Assert.Equal(10, page.TotalCount);
        Assert.Empty(page.Edges);
    }

    [Fact]
    public async Task Before_a_cursor_past_the_end_reads_again_once_the_total_is_known()
    {
        using var waldur = new ExecutorHarness(Ten());
        var page = await waldur.RunAsync(Generated, new ListRequest(null, [], Last(2, before: 50, NoArguments)));

        // Page 25 of 2 is past the end (404, U18); the HEAD's total places the slice at [8, 10).
        Assert.Equal(["GET page=25&page_size=2", "HEAD ", "GET page=5&page_size=2"], waldur.Log);
        Assert.Equal(Uuids(9, 10), Uuids(page));
        Assert.Equal([8, 9], Positions(page, NoArguments));
    }

    [Fact]
    public async Task After_a_cursor_past_the_end_is_an_empty_page_at_the_total()
    {
        using var waldur = new ExecutorHarness(Ten());
        var page = await waldur.RunAsync(Generated, new ListRequest(null, [], First(3, after: 20, NoArguments)));

        Assert.Equal(["GET page=8&page_size=3", "HEAD "], waldur.Log);
        Assert.Empty(page.Edges);
        Assert.Equal(10, page.TotalCount);
        Assert.Equal(new ConnectionPageInfo(false, true, null, null), page.PageInfo);
    }

    [Fact]
    public async Task A_page_shorter_than_its_total_promises_is_inconsistent()
    {
        using var waldur = new ExecutorHarness(Ten());
        waldur.Client.List = q => new WaldurPage(waldur.Rows.Take(2).ToList(), 10, q.Page, q.PageSize);
        var error = await Assert.ThrowsAsync<GatewayException>(() => waldur.RunAsync(Generated, new ListRequest(null, [], First(3))));

        Assert.Equal(ErrorCodes.UpstreamInconsistent, error.Code);
        Assert.Equal(["GET page=1&page_size=3"], waldur.Log);
    }

    [Fact]
    public async Task A_count_only_selection_is_one_head_not_recorded_as_a_decision()
    {
        using var waldur = new ExecutorHarness(Ten());
        var page = await waldur.RunAsync(Generated, new ListRequest(new FieldFilter("type", "eq", "base"), [], First(3), NeedsRows: false));

        Assert.Equal(["HEAD type=base"], waldur.Log);
        Assert.Equal(10, page.TotalCount);
        Assert.Null(waldur.Decision);
    }

    [Fact]
    public async Task A_residual_filter_scans_every_page_and_keeps_waldurs_order()
    {
        var rows = Enumerable.Range(1, 350).Reverse().Select(i => Image(i, $"n{i % 3}", official: i % 2 == 0)).ToList();
        using var waldur = new ExecutorHarness(rows);
        var filter = new AllOfFilter([new FieldFilter("type", "eq", "base"), new FieldFilter("isOfficial", "eq", true)]);
        var hash = Hash(Generated, filter, []);
        var page = await waldur.RunAsync(Generated, new ListRequest(filter, [], First(3, after: 1, hash)));

        Assert.Equal(["GET type=base&page=1&page_size=300", "GET type=base&page=2&page_size=300"], waldur.Log);
        Assert.Equal(Uuids(346, 344, 342), Uuids(page));
        Assert.Equal([2, 3, 4], Positions(page, hash));
        Assert.Equal(175, page.TotalCount);
        Assert.Equal(new ConnectionPageInfo(true, true, CursorCodec.Encode(2, hash), CursorCodec.Encode(4, hash)), page.PageInfo);
    }

    [Fact]
    public async Task An_order_on_an_unpaged_list_is_sorted_in_the_gateway_from_one_read()
    {
        using var waldur = new ExecutorHarness([Image(3, "c", "x"), Image(1, "a", "x"), Image(4, "d", "y"), Image(2, "b", "y"), Image(5, "e", "x", official: true)]);
        SortKey[] order = [new SortKey("type", true)];
        var page = await waldur.RunAsync(Unpaged, new ListRequest(new FieldFilter("isOfficial", "eq", false), order, First(3)));

        // One read is the whole list (no page 2 is asked for); rows that tie on type are ordered by uuid, not as Waldur sent them.
        Assert.Equal(["GET page=1&page_size=300"], waldur.Log);
        Assert.Equal(Uuids(2, 4, 1), Uuids(page));
        Assert.Equal(4, page.TotalCount);
        Assert.True(page.PageInfo.HasNextPage);
    }

    [Fact]
    public async Task A_scan_past_the_budget_is_refused_after_its_first_page()
    {
        var rows = Enumerable.Range(1, 350).Select(i => Image(i, "n")).ToList();
        using var waldur = new ExecutorHarness(rows, budget: 349);
        var error = await Assert.ThrowsAsync<GatewayException>(() =>
            waldur.RunAsync(Generated, new ListRequest(new FieldFilter("isOfficial", "eq", true), [], First(3))));

        Assert.Equal(ErrorCodes.ScanBudgetExceeded, error.Code);
        Assert.StartsWith("`digitalOceanImages` would read 350 rows from Waldur (budget 349) to evaluate `isOfficial` in the gateway.", error.Message,
            StringComparison.Ordinal);
        Assert.Equal(["GET page=1&page_size=300"], waldur.Log);
    }

    [Fact]
    public async Task A_scan_of_exactly_the_budget_is_read()
    {
        var rows = Enumerable.Range(1, 350).Select(i => Image(i, "n", official: i > 347)).ToList();
        using var waldur = new ExecutorHarness(rows, budget: 350);
        var page = await waldur.RunAsync(Generated, new ListRequest(new FieldFilter("isOfficial", "eq", true), [], First(3)));

        Assert.Equal(Uuids(348, 349, 350), Uuids(page));
        Assert.Equal(3, page.TotalCount);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Scanned_pages_that_repeat_or_miss_a_row_are_inconsistent(bool repeat)
    {
        var rows = Enumerable.Range(1, 301).Select(i => Image(i, "n")).ToList();
        using var waldur = new ExecutorHarness(rows);
        // Page 2 should hold row 301 alone: here it repeats row 300 instead, or comes back empty.
        waldur.Client.List = q => q.Page == 1
            ? new WaldurPage(rows.Take(300).ToList(), 301, 1, 300)
            : new WaldurPage(repeat ? [rows[299]] : [], 301, 2, 300);
        var error = await Assert.ThrowsAsync<GatewayException>(() =>
            waldur.RunAsync(Generated, new ListRequest(new FieldFilter("isOfficial", "eq", true), [], First(3))));

        Assert.Equal(ErrorCodes.UpstreamInconsistent, error.Code);
        Assert.Equal(["GET page=1&page_size=300", "GET page=2&page_size=300"], waldur.Log);
    }
    [Fact]
    public async Task A_page_that_runs_past_the_slice_gives_only_the_slice()
    {
        using var waldur = new ExecutorHarness(Ten());
        var page = await waldur.RunAsync(Generated, new ListRequest(null, [], First(2, after: 2, NoArguments)));

        // Positions [3, 5): page 2 of 3 holds [3, 6), one row more than asked for.
        Assert.Equal(["GET page=2&page_size=3"], waldur.Log);
        Assert.Equal(Uuids(4, 5), Uuids(page));
        Assert.Equal([3, 4], Positions(page, NoArguments));
        Assert.Equal(new ConnectionPageInfo(true, true, CursorCodec.Encode(3, NoArguments), CursorCodec.Encode(4, NoArguments)), page.PageInfo);
    }

    [Fact]
    public async Task A_reread_that_starts_before_the_slice_is_consistent()
    {
        using var waldur = new ExecutorHarness(Ten());
        var page = await waldur.RunAsync(Generated, new ListRequest(null, [], Last(3, before: 50, NoArguments)));

        // The total places the slice at [7, 10); no page of 3 or 4 holds it, page 2 of 5 ([5, 10)) does.
        Assert.Equal("GET page=2&page_size=5", waldur.Log[^1]);
        Assert.Equal(Uuids(8, 9, 10), Uuids(page));
        Assert.Equal([7, 8, 9], Positions(page, NoArguments));
    }
}
