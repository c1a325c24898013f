using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.Loading.Paging;
using Waldur.GraphGateway.Loading.Sorting;
using Waldur.GraphGateway.WaldurApi;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading;

/// <summary>Planner paths against a scripted Waldur: count-only HEADs, the budget error's text, <see cref="ListPlanner.FromRows"/>, unknown default orders.</summary>
public sealed class ListPlannerLoadingTests : IDisposable
{
    private readonly ScriptedWaldurClient _client = new();
    private ListFetcher? _fetcher;

    private ListPlanner Planner(int budget = 10_000, int residualWork = 500_000, int maxCalls = 1000)
    {
        var options = Options.Create(new ListOptions { ScanBudgetRows = budget, MaxResidualWork = residualWork });
        var calls = new WaldurCallBudget(Options.Create(new WaldurOptions { MaxCallsPerRequest = maxCalls }));
        _fetcher = new ListFetcher(_client, new ListRequestCache(), [], options, calls);
        return new ListPlanner(_fetcher, new ResidualScanner(_fetcher, options), options);
    }

    public void Dispose() => _fetcher?.Dispose();

    private static List<WaldurRow> Images(int count) => Enumerable.Range(0, count).Select(i => TestCatalog.Row("DigitalOceanImage",
        new Dictionary<string, object?> { ["uuid"] = $"{i:x32}", ["name"] = $"n{i % 7}", ["isOfficial"] = i % 2 == 0, ["minDiskSize"] = (long)(i % 5) })).ToList();

    private static PagingArguments First(int n) => new(n, null, null, null);

    [Theory]
    [InlineData(null)]
    [InlineData("minDiskSize")]
    [InlineData("distribution")]
    public async Task A_count_only_selection_is_one_head_whatever_the_order(string? orderField)
    {
        _client.Count = _ => 123;
        SortKey[] order = orderField is null ? [] : [new SortKey(orderField, true)];
        var page = await Planner().LoadAsync(TestCatalog.Images,
            new ListRequest(new FieldFilter("type", "eq", "base"), order, First(5), NeedsRows: false), default);
        Assert.Equal(123, page.TotalCount);
        Assert.Empty(page.Edges);
        Assert.Equal(["HEAD type=base"], _client.Log);
    }

    [Fact]
    public async Task A_count_only_selection_with_a_residual_filter_scans()
    {
        var rows = Images(20);
        _client.List = q => ScriptedWaldurClient.Serve(rows, q);
        var page = await Planner().LoadAsync(TestCatalog.Images,
            new ListRequest(new FieldFilter("isOfficial", "eq", true), [], First(5), NeedsRows: false), default);
        Assert.Equal(10, page.TotalCount);
        Assert.All(_client.Log, l => Assert.StartsWith("GET ", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Budget_error_names_residual_fields_the_order_and_the_unused_filters()
    {
        var rows = Images(20);
        _client.List = q => ScriptedWaldurClient.Serve(rows, q);
        var error = await Assert.ThrowsAsync<GatewayException>(() => Planner(budget: 19).LoadAsync(TestCatalog.Images,
            new ListRequest(new AllOfFilter([new FieldFilter("isOfficial", "eq", true), new FieldFilter("type", "eq", "base"), new FieldFilter("minDiskSize", "gt", 1L)]),
                [new SortKey("minDiskSize", true), new SortKey("name", false)], First(5)), default));
        Assert.Equal(ErrorCodes.ScanBudgetExceeded, error.Code);
        Assert.Equal("`digitalOceanImages` would read 20 rows from Waldur (budget 19) to evaluate `isOfficial` and `minDiskSize` and order by "
            + "`minDiskSize`, `name` in the gateway. Add a filter Waldur applies itself to narrow the scan: `name: { eq: … }`, "
            + "`name: { contains: … }`, `distribution: { eq: … }`.", error.Message);
    }

    [Fact]
    public async Task Rows_times_residual_tests_over_the_requests_work_budget_are_refused_naming_the_unused_filters()
    {
        var rows = Images(20);
        _client.List = q => ScriptedWaldurClient.Serve(rows, q);
        var residual = new AnyOfFilter([new FieldFilter("minDiskSize", "gt", 1L), new FieldFilter("isOfficial", "eq", true), new FieldFilter("uuid", "eq", "x")]);

        var error = await Assert.ThrowsAsync<GatewayException>(() => Planner(residualWork: 59).LoadAsync(TestCatalog.Images,
            new ListRequest(new AllOfFilter([residual, new FieldFilter("type", "eq", "base")]), [], First(5)), default));
        var planner = Planner(residualWork: 100);
        var within = await planner.LoadAsync(TestCatalog.Images, new ListRequest(residual, [], First(5)), default);
        var together = await Assert.ThrowsAsync<GatewayException>(() => planner.LoadAsync(TestCatalog.Images,
            new ListRequest(new AnyOfFilter([residual, new FieldFilter("uuid", "eq", "y")]), [], First(5)), default));

        Assert.Equal(ErrorCodes.FilterTooComplex, error.Code);
        Assert.Equal("`digitalOceanImages` would run about 3 filter tests on each of 20 rows in the gateway, 60 with the request's other fields (budget 59). "
            + "Add a filter Waldur applies itself to narrow the scan: `name: { eq: … }`, `name: { contains: … }`, `distribution: { eq: … }`.", error.Message);
        Assert.Equal(16, within.TotalCount);
        Assert.Equal(ErrorCodes.FilterTooComplex, together.Code);
        Assert.Contains("140 with the request's other fields (budget 100)", together.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Waldur_calls_past_the_request_cap_fail_and_are_not_made()
    {
        _client.Count = _ => 7;
        var planner = Planner(maxCalls: 2);
        ListRequest CountOf(string type) => new(new FieldFilter("type", "eq", type), [], First(5), NeedsRows: false);

        var first = await planner.LoadAsync(TestCatalog.Images, CountOf("a"), default);
        var second = await planner.LoadAsync(TestCatalog.Images, CountOf("b"), default);
        var error = await Assert.ThrowsAsync<GatewayException>(() => planner.LoadAsync(TestCatalog.Images, CountOf("c"), default));
        var cached = await planner.LoadAsync(TestCatalog.Images, CountOf("a"), default);

        Assert.Equal(ErrorCodes.WaldurCallsExceeded, error.Code);
        Assert.Equal([7, 7, 7], new[] { first.TotalCount, second.TotalCount, cached.TotalCount });
        Assert.Equal(["HEAD type=a", "HEAD type=b"], _client.Log);
    }

    [Fact]
    public async Task Budget_error_without_unused_filters_asks_to_narrow_them()
    {
        var rows = Images(20);
        _client.List = q => ScriptedWaldurClient.Serve(rows, q);
        var filter = new AllOfFilter([new FieldFilter("isOfficial", "eq", true), new FieldFilter("type", "eq", "base"),
            new FieldFilter("name", "eq", "n1"), new FieldFilter("name", "contains", "n"), new FieldFilter("distribution", "eq", "Ubuntu")]);
        var error = await Assert.ThrowsAsync<GatewayException>(() => Planner(budget: 10).LoadAsync(TestCatalog.Images,
            new ListRequest(filter, [new SortKey("name", false)], First(5)), default));
        Assert.Equal("`digitalOceanImages` would read 20 rows from Waldur (budget 10) to evaluate `isOfficial` in the gateway. "
            + "Narrow the filters Waldur applies itself.", error.Message);
    }

    [Fact]
    public async Task Budget_error_names_a_descending_default_order()
    {
        _client.List = q => ScriptedWaldurClient.Serve(Images(20), q);
        var error = await Assert.ThrowsAsync<GatewayException>(() => Planner(budget: 10).LoadAsync(TestCatalog.Images,
            new ListRequest(new FieldFilter("isOfficial", "eq", true), [new SortKey("name", true)], First(5)), default));
        Assert.Contains("to evaluate `isOfficial` and order by `name` in the gateway.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scan_of_exactly_the_budget_is_allowed_and_filters_sorts_and_slices()
    {
        var rows = Images(20);
        _client.List = q => ScriptedWaldurClient.Serve(rows, q);
        var filter = new FieldFilter("isOfficial", "eq", true);
        SortKey[] order = [new SortKey("minDiskSize", true)];
        var page = await Planner(budget: 20).LoadAsync(TestCatalog.Images, new ListRequest(filter, order, First(3)), default);
        var expected = rows.Where(r => (bool)r["isOfficial"]!).OrderByDescending(r => (long)r["minDiskSize"]!)
            .ThenBy(r => r.Uuid, StringComparer.Ordinal).Take(3).Select(r => r.Uuid);
        Assert.Equal(10, page.TotalCount);
        Assert.Equal(expected, page.Edges.Select(e => e.Node.Uuid));
        var hash = CursorCodec.ArgumentsHash("DigitalOceanImage", filter, order);
        Assert.Equal([0, 1, 2], page.Edges.Select(e => CursorCodec.Decode(e.Cursor, hash, "after")));
        Assert.Equal(new ConnectionPageInfo(true, false, CursorCodec.Encode(0, hash), CursorCodec.Encode(2, hash)), page.PageInfo);
    }

    [Fact]
    public async Task An_empty_answer_has_no_cursors()
    {
        _client.List = q => ScriptedWaldurClient.Serve(Images(4), q);
        var page = await Planner().LoadAsync(TestCatalog.Images, new ListRequest(new FieldFilter("minDiskSize", "gt", 100L), [], First(3)), default);
        Assert.Equal(0, page.TotalCount);
        Assert.Empty(page.Edges);
        Assert.Equal(new ConnectionPageInfo(false, false, null, null), page.PageInfo);
    }

    [Fact]
    public void From_rows_filters_sorts_and_slices_the_rows_in_hand()
    {
        var rows = Images(30);
        var filter = new FieldFilter("isOfficial", "eq", false);
        SortKey[] order = [new SortKey("minDiskSize", false)];
        var after = CursorCodec.Encode(1, CursorCodec.ArgumentsHash("DigitalOceanImage", filter, order));
        var page = Planner().FromRows(TestCatalog.Images, new ListRequest(filter, order, new PagingArguments(4, after, null, null)), rows,
            new Dictionary<string, int>());
        var expected = rows.Where(r => !(bool)r["isOfficial"]!).OrderBy(r => (long)r["minDiskSize"]!)
            .ThenBy(r => r.Uuid, StringComparer.Ordinal).Skip(2).Take(4).Select(r => r.Uuid);
        Assert.Equal(15, page.TotalCount);
        Assert.Equal(expected, page.Edges.Select(e => e.Node.Uuid));
        Assert.True(page.PageInfo.HasPreviousPage);
        Assert.True(page.PageInfo.HasNextPage);
        Assert.Empty(_client.Log);
        Assert.Throws<ArgumentNullException>(() => Planner().FromRows(null!, new ListRequest(null, [], First(1)), rows, new Dictionary<string, int>()));
        Assert.Throws<ArgumentNullException>(() => Planner().FromRows(TestCatalog.Images, null!, rows, new Dictionary<string, int>()));
    }

    [Fact]
    public async Task Without_a_known_default_order_an_unsorted_read_scans_and_sorts_by_uuid()
    {
        var resource = TestCatalog.Resources["MarketplaceResource"];
        var rows = new[] { 5, 3, 9, 1, 7 }.Select(i => TestCatalog.Row("MarketplaceResource",
            new Dictionary<string, object?> { ["uuid"] = $"{i:x32}", ["name"] = "same" })).ToList();
        _client.List = q => ScriptedWaldurClient.Serve(rows, q);
        var page = await Planner().LoadAsync(resource, new ListRequest(null, [], First(3)), default);
        Assert.Equal(5, page.TotalCount);
        Assert.Equal([$"{1:x32}", $"{3:x32}", $"{5:x32}"], page.Edges.Select(e => e.Node.Uuid));
        Assert.Single(_client.Log);
        Assert.DoesNotContain("o=", _client.Log[0], StringComparison.Ordinal);
    }
}
