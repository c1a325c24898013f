using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.Loading.Paging;
using Waldur.GraphGateway.WaldurApi;
using Xunit;
using static Waldur.GraphGateway.Tests.Loading.ExecutorHarness;

namespace Waldur.GraphGateway.Tests.Loading;

/// <summary>
/// <see cref="ListPlanExecutor"/>'s scans and rows in hand: every page read, the residual filter, the gateway's order
/// and slice, and the request's residual work budget (refused work is given back).
/// </summary>
public sealed class ListPlanExecutorScanLoadingTests
{
    private static ListResource Images => TestCatalog.Images;

    private static readonly FieldFilter Official = new("isOfficial", "eq", true);

    /// <summary>Two residual tests per row.</summary>
    private static readonly AnyOfFilter OfficialOrNamed = new([Official, new FieldFilter("name", "startsWith", "z")]);

    private static List<WaldurRow> Twenty() => [.. Enumerable.Range(1, 20).Select(i => Image(i, $"n{i:D2}", official: i % 2 == 0))];

    private static IEnumerable<string> Uuids(ConnectionPage page) => page.Edges.Select(e => e.Node.Uuid);

    [Fact]
    public async Task A_residual_filter_scans_every_page_then_filters_sorts_and_slices()
    {
        // Waldur's name order puts the higher uuid first within each name: the gateway orders ties by uuid.
        var rows = Enumerable.Range(0, 350).Select(i => Image(350 - i, $"n{i / 2:D3}", official: i % 4 < 2)).ToList();
        using var waldur = new ExecutorHarness(rows);
        var hash = Hash(Images, Official, []);
        var page = await waldur.RunAsync(Images, new ListRequest(Official, [], First(3, after: 1, hash)));

        var expected = rows.Where(r => (bool)r["isOfficial"]!).OrderBy(r => (string)r["name"]!, StringComparer.Ordinal)
            .ThenBy(r => r.Uuid, StringComparer.Ordinal).Skip(2).Take(3).Select(r => r.Uuid);
        Assert.Equal(["GET page=1&page_size=300", "GET page=2&page_size=300"], waldur.Log);
        Assert.Equal(expected, Uuids(page));
        Assert.Equal([2, 3, 4], page.Edges.Select(e => CursorCodec.Decode(e.Cursor, hash, "after")));
        Assert.Equal(176, page.TotalCount);
        Assert.Equal("scan", waldur.Decision);
    }

    [Fact]
    public async Task Residual_work_of_exactly_the_budget_is_done()
    {
        using var waldur = new ExecutorHarness(Twenty(), residualWork: 40);
        var page = await waldur.RunAsync(Images, new ListRequest(OfficialOrNamed, [], First(3)));

        Assert.Equal(10, page.TotalCount);
        Assert.Equal([Uuid(2), Uuid(4), Uuid(6)], Uuids(page));
    }

    [Fact]
    public async Task Refused_residual_work_is_given_back_to_the_request()
    {
        using var waldur = new ExecutorHarness(Twenty(), residualWork: 50);
        var first = await waldur.RunAsync(Images, new ListRequest(Official, [], First(3)));
        var refused = await Assert.ThrowsAsync<GatewayException>(() => waldur.RunAsync(Images, new ListRequest(OfficialOrNamed, [], First(3))));
        var third = await waldur.RunAsync(Images, new ListRequest(Official, [], First(3)));

        Assert.Equal(ErrorCodes.FilterTooComplex, refused.Code);
        Assert.StartsWith("`digitalOceanImages` would run about 2 filter tests on each of 20 rows in the gateway, 60 with the request's other fields (budget 50).",
            refused.Message, StringComparison.Ordinal);
        // 20 + 20 fits once the refused 40 is given back.
        Assert.Equal(10, first.TotalCount);
        Assert.Equal(10, third.TotalCount);
    }

    [Fact]
    public async Task Residual_tests_on_list_elements_count_the_elements_of_the_rows_read()
    {
        var region = TestCatalog.Row("DigitalOceanRegion", new Dictionary<string, object?> { ["uuid"] = Uuid(99), ["name"] = "r" });
        var rows = Twenty().Select(r => TestCatalog.Row("DigitalOceanImage", new Dictionary<string, object?>
        {
            ["uuid"] = r.Uuid, ["name"] = r["name"], ["type"] = "base", ["regions"] = new List<WaldurRow> { region, region, region },
        })).ToList();
        using var waldur = new ExecutorHarness(rows, residualWork: 59);
        var filter = new ListFieldFilter("regions", "some", new FieldFilter("name", "eq", "r"));
        var error = await Assert.ThrowsAsync<GatewayException>(() => waldur.RunAsync(Images, new ListRequest(filter, [], First(3))));

        Assert.StartsWith("`digitalOceanImages` would run about 3 filter tests on each of 20 rows in the gateway, 60 with", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_in_hand_are_charged_to_the_residual_work_budget()
    {
        using var waldur = new ExecutorHarness([], residualWork: 38);
        var request = new ListRequest(Official, [], First(3));
        var page = waldur.Executor.FromRows(waldur.Planner.PlanGivenRows(Images, request), Twenty(), new Dictionary<string, int>());
        var error = Assert.Throws<GatewayException>(() =>
            waldur.Executor.FromRows(waldur.Planner.PlanGivenRows(Images, request), Twenty().Take(19).ToList(), new Dictionary<string, int>()));

        Assert.Equal([Uuid(2), Uuid(4), Uuid(6)], Uuids(page));
        Assert.Equal(10, page.TotalCount);
        Assert.Equal(ErrorCodes.FilterTooComplex, error.Code);
        Assert.Contains("on each of 19 rows in the gateway, 39 with", error.Message, StringComparison.Ordinal);
        Assert.Empty(waldur.Log);
    }
}
