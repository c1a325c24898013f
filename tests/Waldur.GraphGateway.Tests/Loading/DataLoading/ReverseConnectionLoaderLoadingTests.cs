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
        ReverseConnectionLoader.Load(_planner, _loaders, source, via, parent, request, default).GetResultAsync();

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
            .Select(c => ReverseConnectionLoader.Load(_planner, _loaders, projects, "customerUuid", Uuid(c), FirstTwo(), default)).ToList();
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
}
