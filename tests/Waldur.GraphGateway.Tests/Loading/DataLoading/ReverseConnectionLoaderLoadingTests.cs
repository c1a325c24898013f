using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.DataLoading;
using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.Loading.Paging;
using Waldur.GraphGateway.WaldurApi;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading.DataLoading;

/// <summary>
/// <see cref="ReverseConnectionLoader"/>: parents linked through a multi-value reference share one child-rows request and
/// each gets its own page; parents linked through an embedded list are one planner plan each.
/// </summary>
public sealed class ReverseConnectionLoaderLoadingTests : IDisposable
{
    private readonly ScriptedWaldurClient _client = new();
    private readonly ListFetcher _fetcher;
    private readonly ListPlanner _planner;
    private readonly ResourceLoaders _loaders;

    public ReverseConnectionLoaderLoadingTests()
    {
        var lists = Options.Create(new ListOptions());
        var feed = new RowsReadFeed();
        _fetcher = new ListFetcher(_client, new ListRequestCache(), [feed], lists);
        var scanner = new ResidualScanner(_fetcher, lists);
        _planner = new ListPlanner(_fetcher, scanner, lists);
        _loaders = new ResourceLoaders(TestCatalog.Resources, _fetcher, scanner, feed, Options.Create(new DataLoadingOptions()), lists);
    }

    public void Dispose() => _fetcher.Dispose();

    private static string Uuid(int i) => $"{i:x32}";

    private static ListRequest FirstTwo(FilterNode? where = null) => new(where, [], new PagingArguments(2, null, null, null));

    private Task<ConnectionPage> LoadAsync(ListResource source, string via, string parent, ListRequest request) =>
        ReverseConnectionLoader.Load(_planner, _loaders, source, new ReverseParent(via, parent), request, default).GetResultAsync();

    [Fact]
    public async Task Parents_through_a_multi_value_reference_share_one_request_and_page_their_own_children()
    {
        // Projects 1..6 (named p1..p6), project i under customer 1000 + i % 2; customer 1002 has none.
        var rows = Enumerable.Range(1, 6).Select(i => TestCatalog.Row("Project", new Dictionary<string, object?>
        {
            ["uuid"] = Uuid(i), ["url"] = $"http://h/api/projects/{Uuid(i)}/", ["name"] = $"p{i}", ["customerUuid"] = Uuid(1000 + (i % 2)),
        })).ToList();
        _client.List = q => ScriptedWaldurClient.Serve(
            [.. rows.Where(r => q.Filters["customer"].ToString().Split(',').Contains((string)r["customerUuid"]!))], q);
        var projects = TestCatalog.Resources["Project"];

        // All three are queued before the first result is awaited, as one execution level of a query queues them.
        var loads = new[] { 1000, 1001, 1002 }
            .Select(c => ReverseConnectionLoader.Load(_planner, _loaders, projects, new ReverseParent("customerUuid", Uuid(c)), FirstTwo(), default)).ToList();
        var pages = new List<ConnectionPage>();
        foreach (var load in loads)
        {
            pages.Add(await load.GetResultAsync());
        }

        Assert.Equal([$"GET customer={Uuid(1000)}%2C{Uuid(1001)}%2C{Uuid(1002)}&page=1&page_size=300"], _client.Log);
        Assert.Equal([Uuid(2), Uuid(4)], pages[0].Edges.Select(e => e.Node.Uuid));
        Assert.Equal(3, pages[0].TotalCount);
        Assert.True(pages[0].PageInfo.HasNextPage);
        Assert.Equal([Uuid(1), Uuid(3)], pages[1].Edges.Select(e => e.Node.Uuid));
        Assert.Equal(0, pages[2].TotalCount);
        Assert.Empty(pages[2].Edges);
    }

    [Fact]
    public async Task Parents_through_an_embedded_list_are_a_plan_each_over_one_shared_scan()
    {
        static WaldurRow Image(int i, params int[] regions) => new TestImage($"i{i}", Uuid(i), $"Image {i}", "Ubuntu", "base",
            [.. regions.Select(r => new TestRegion($"r{r}", Uuid(1000 + r), $"Region {r}"))], true, null, null).ToRow();
        var rows = new[] { Image(1, 1, 2), Image(2, 2), Image(3, 1), Image(4, 1, 2) };
        _client.List = q => ScriptedWaldurClient.Serve(rows, q);

        var first = await LoadAsync(TestCatalog.Images, "regions", Uuid(1001), FirstTwo());
        var second = await LoadAsync(TestCatalog.Images, "regions", Uuid(1002), FirstTwo());

        Assert.Equal(["GET page=1&page_size=300"], _client.Log);
        Assert.Equal([Uuid(1), Uuid(3)], first.Edges.Select(e => e.Node.Uuid));
        Assert.Equal(3, first.TotalCount);
        Assert.Equal([Uuid(1), Uuid(2)], second.Edges.Select(e => e.Node.Uuid));
        Assert.Equal(3, second.TotalCount);
    }
    [Fact]
    public async Task Parents_sharing_an_ancestor_share_one_request_and_a_parent_alone_under_its_ancestors_reads_its_own()
    {
        // Orders 1..9: order i of resource 100 + i % 3; resources 100 and 101 under customer 1000, resource 102 under 1001.
        string Customer(int resource) => Uuid(resource == 102 ? 1001 : 1000);
        var orders = TestCatalog.Resources["MarketplaceOrder"];
        var rows = Enumerable.Range(1, 9).Select(i => TestCatalog.Row("MarketplaceOrder", new Dictionary<string, object?>
        {
            ["uuid"] = Uuid(i), ["url"] = "http://h/", ["marketplaceResourceUuid"] = Uuid(100 + (i % 3)), ["customerUuid"] = Customer(100 + (i % 3)),
            ["projectUuid"] = Uuid(2000 + (i % 3)),
        })).ToList();
        bool Matches(WaldurRow row, WaldurListQuery q, string parameter, string field) =>
            !q.Filters.TryGetValue(parameter, out var value) || (string?)row[orders.Endpoint.Shape[field].Index] == value;
        _client.List = q => ScriptedWaldurClient.Serve([.. rows.Where(r => Matches(r, q, "customer_uuid", "customerUuid")
            && Matches(r, q, "project_uuid", "projectUuid") && Matches(r, q, "resource_uuid", "marketplaceResourceUuid"))], q);

        var loads = new[] { 100, 101, 102 }.Select(r => ReverseConnectionLoader.Load(_planner, _loaders, orders,
            new ReverseParent("marketplaceResourceUuid", Uuid(r), [KeyValuePair.Create("projectUuid", (string?)Uuid(2000 + (r % 3))),
                KeyValuePair.Create("customerUuid", (string?)Customer(r))]), FirstTwo(), default)).ToList();
        var pages = new List<ConnectionPage>();
        foreach (var load in loads)
        {
            pages.Add(await load.GetResultAsync());
        }

        // Customer 1000 (2 values of customer vs 3 of project) for 100 and 101; 102 alone: its own resource_uuid scan.
        Assert.Equal(2, _client.Requests);
        Assert.Contains(_client.Log, l => l.StartsWith($"GET customer_uuid={Uuid(1000)}&", StringComparison.Ordinal));
        Assert.Contains(_client.Log, l => l.StartsWith($"GET resource_uuid={Uuid(102)}&", StringComparison.Ordinal));
        // Each resource's first two orders by uuid (no default order known), and its own count.
        Assert.Equal([[Uuid(3), Uuid(6)], [Uuid(1), Uuid(4)], [Uuid(2), Uuid(5)]], pages.Select(p => p.Edges.Select(e => e.Node.Uuid).ToArray()));
        Assert.All(pages, p => Assert.Equal(3, p.TotalCount));
    }
}
