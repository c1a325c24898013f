using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.Loading.Paging;
using Waldur.GraphGateway.Loading.Sorting;
using Waldur.GraphGateway.WaldurApi;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading;

/// <summary>The planner against a Waldur that reorders ties on every request (U16): answers must still be exact.</summary>
public class ListPlannerTests
{
    private static readonly ListResource Images = TestCatalog.Images;

    [Theory]
    [InlineData(1, 40, 3)]
    [InlineData(3, 90, 4)]
    [InlineData(7, 350, 6)]
    [InlineData(10, 700, 8)]
    [InlineData(50, 700, 5)]
    public async Task Forward_and_backward_paging_visit_every_row_once_in_name_then_uuid_order(int size, int count, int nameVariety)
    {
        var images = RandomImages.Create(new Random(size * 1000 + count), count, nameVariety);
        var expected = Oracle(images, null, []);
        Assert.Equal(expected, await PageThroughAsync(images, null, [], size, forward: true));
        Assert.Equal(expected, await PageThroughAsync(images, null, [], size, forward: false));
    }

    [Fact]
    public async Task Residual_filters_and_sorts_agree_with_the_oracle()
    {
        var random = new Random(5);
        var images = RandomImages.Create(random, 650, 6);
        var filters = new FilterNode?[]
        {
            new FieldFilter("isOfficial", "eq", true),
            new AllOfFilter([new FieldFilter("distribution", "eq", "Ubuntu"), new FieldFilter("minDiskSize", "gt", 10240L)]),
            new AnyOfFilter([new FieldFilter("type", "eq", "base"), new FieldFilter("name", "startsWith", "ALPHA")]),
            new ListFieldFilter("regions", "some", new FieldFilter("name", "eq", "Region 2")),
            new FieldFilter("name", "contains", "ubuntu"),
        };
        SortKey[][] orders = [[], [new("createdAt", true)], [new("distribution", false), new("type", true)], [new("name", true)],
            [new("name", false), new("minDiskSize", false)]];
        foreach (var filter in filters)
        {
            foreach (var order in orders)
            {
                Assert.Equal(Oracle(images, filter, order), await PageThroughAsync(images, filter, order, 37, forward: true));
            }
        }
    }

    [Fact]
    public async Task A_pushdown_page_is_one_request_and_a_count_only_selection_one_head()
    {
        var images = RandomImages.Create(new Random(9), 500);
        var (planner, client) = Create(images);
        var filter = new FieldFilter("distribution", "eq", "Debian");
        var page = await planner.LoadAsync(Images, new ListRequest(filter, [], new PagingArguments(5, null, null, null)), default);
        var debian = images.Where(i => i.Distribution == "Debian").ToList();
        Assert.Equal(debian.Count, page.TotalCount);
        // Rows [0, 6) (first: 5 and the row that shows a cut tie) plus the spare rows wanted in name order, and the run at
        // the edge by exact name when it goes on past them.
        Assert.Equal(WindowEdge.Requests(debian.Select(i => i.Name), 5), client.Requests);
        Assert.Equal($"GET distribution=Debian&page=1&page_size={6 + PageChooser.NameOrderMargin}", client.Log[0]);

        var (countPlanner, countClient) = Create(images);
        var counted = await countPlanner.LoadAsync(Images, new ListRequest(filter, [], new PagingArguments(0, null, null, null), NeedsRows: false), default);
        Assert.Equal(page.TotalCount, counted.TotalCount);
        Assert.Equal(["HEAD distribution=Debian"], countClient.Log);
    }

    [Fact]
    public async Task Budget_error_names_the_filters_that_would_narrow_the_scan()
    {
        var images = RandomImages.Create(new Random(3), 400);
        var (planner, _) = Create(images, new ListOptions { ScanBudgetRows = 100 });
        var error = await Assert.ThrowsAsync<GatewayException>(() => planner.LoadAsync(Images,
            new ListRequest(new FieldFilter("isOfficial", "eq", true), [], new PagingArguments(5, null, null, null)), default));
        Assert.Equal(ErrorCodes.ScanBudgetExceeded, error.Code);
        Assert.Contains("isOfficial", error.Message, StringComparison.Ordinal);
        Assert.Contains("distribution: { eq", error.Message, StringComparison.Ordinal);
    }

    internal static List<string> Oracle(IEnumerable<TestImage> images, FilterNode? filter, SortKey[] order)
    {
        var rows = images.Select(i => i.ToRow()).Where(r => FilterEvaluator.Matches(filter, r, Images.Fields)).ToList();
        IReadOnlyList<SortKey> keys = order.Length == 0 ? [new SortKey("name", false)] : order;
        IOrderedEnumerable<WaldurRow>? sorted = null;
        foreach (var key in keys)
        {
            Func<WaldurRow, object?> get = r => Images.Fields[key.Field].Get(r);
            // Nulls as Waldur's database orders `o`: last ascending, first descending.
            var comparer = Comparer<object?>.Create((a, b) => (a, b) switch
            {
                (null, null) => 0,
                (null, _) => 1,
                (_, null) => -1,
                (string sa, string sb) => string.CompareOrdinal(sa, sb),
                _ => Comparer<object?>.Default.Compare(a, b),
            });
            sorted = sorted is null
                ? key.Descending ? rows.OrderByDescending(get, comparer) : rows.OrderBy(get, comparer)
                : key.Descending ? sorted.ThenByDescending(get, comparer) : sorted.ThenBy(get, comparer);
        }

        return sorted!.ThenBy(i => i.Uuid, StringComparer.Ordinal).Select(i => i.Uuid).ToList();
    }

    internal static async Task<List<string>> PageThroughAsync(List<TestImage> images, FilterNode? filter, IReadOnlyList<SortKey> order,
        int size, bool forward, List<string>? log = null)
    {
        var seen = new List<string>();
        string? cursor = null;
        for (var guard = 0; guard < 10_000; guard++)
        {
            // A new request (fresh per-request cache) for every page, as a client paging through would send.
            var (planner, client) = Create(images, seed: guard);
            var paging = forward ? new PagingArguments(size, cursor, null, null) : new PagingArguments(null, null, size, cursor);
            var page = await planner.LoadAsync(Images, new ListRequest(filter, order, paging), default);
            log?.AddRange(client.Log);
            var uuids = page.Edges.Select(e => e.Node.Uuid).ToList();
            if (forward)
            {
                seen.AddRange(uuids);
            }
            else
            {
                seen.InsertRange(0, uuids);
            }

            if (!(forward ? page.PageInfo.HasNextPage : page.PageInfo.HasPreviousPage))
            {
                return seen;
            }

            cursor = forward ? page.PageInfo.EndCursor : page.PageInfo.StartCursor;
        }

        throw new InvalidOperationException("paging did not end");
    }

    internal static (ListPlanner Planner, ShuffledTiesWaldurClient Client) Create(IReadOnlyList<TestImage> images,
        ListOptions? options = null, int seed = 0)
    {
        var (scope, client) = CreateScope(images, options, seed);
        return (scope.GetRequiredService<ListPlanner>(), client);
    }

    /// <summary>One request's services (planner, scanner, cache share the scope) over a fresh tie-shuffling Waldur.</summary>
    internal static (IServiceProvider Scope, ShuffledTiesWaldurClient Client) CreateScope(IReadOnlyList<TestImage> images,
        ListOptions? options = null, int seed = 0)
    {
        var client = new ShuffledTiesWaldurClient(images, seed);
        var services = new ServiceCollection()
            .AddSingleton<IWaldurClient>(client)
            .AddSingleton(Options.Create(options ?? new ListOptions()))
            .AddScoped<ListRequestCache>().AddScoped<ListFetcher>().AddScoped<ResidualScanner>().AddScoped<ListPlanner>()
            .BuildServiceProvider();
        return (services.CreateScope().ServiceProvider, client);
    }
}
