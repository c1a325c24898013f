using Microsoft.Extensions.DependencyInjection;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.Loading.Paging;
using Waldur.GraphGateway.Loading.Sorting;
using Waldur.GraphGateway.WaldurApi;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading;

/// <summary>
/// Orders that start with Waldur-orderable keys go down as one <c>o</c> (U15) and must stay exact although Waldur
/// shuffles rows that tie on those keys on every request (U16).
/// </summary>
public class ServerOrderPlannerTests
{
    private static readonly ListResource Images = TestCatalog.Images;

    public static TheoryData<int, int> Sizes => new() { { 1, 60 }, { 3, 150 }, { 7, 400 }, { 10, 700 }, { 50, 1300 } };

    private static readonly (SortKey[] Order, string O)[] PushableOrders =
    [
        ([new("distribution", false)], "distribution"),
        ([new("distribution", true), new("type", false)], "-distribution,type"),
        ([new("type", true), new("name", false)], "-type"),
        ([new("distribution", false), new("createdAt", true), new("type", false)], "distribution"),
        ([new("type", false), new("distribution", false), new("minDiskSize", true)], "type,distribution"),
        ([new("distribution", false), new("distribution", true), new("isOfficial", false)], "distribution"),
    ];

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Paging_forward_and_backward_over_o_prefixes_equals_the_oracle(int size, int count)
    {
        var images = RandomImages.Create(new Random(size * 7919 + count), count, 6);
        foreach (var (order, o) in PushableOrders)
        {
            var expected = ListPlannerTests.Oracle(images, null, order);
            var log = new List<string>();
            Assert.Equal(expected, await ListPlannerTests.PageThroughAsync(images, null, order, size, forward: true, log));
            Assert.Equal(expected, await ListPlannerTests.PageThroughAsync(images, null, order, size, forward: false, log));
            Assert.StartsWith($"GET o={Uri.EscapeDataString(o)}&", log[0], StringComparison.Ordinal);
            Assert.DoesNotContain(log, l => l.Contains("o=", StringComparison.Ordinal) && !l.Contains($"o={Uri.EscapeDataString(o)}&", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Regions_never_send_o_and_name_ascending_stays_the_default_order()
    {
        var regions = TestCatalog.Regions;
        Assert.Null(ServerOrder.For(regions, [new SortKey("name", true)]));
        Assert.Null(ServerOrder.For(regions, [new SortKey("name", false)])!.Ordering);
        Assert.Null(ServerOrder.For(Images, [new SortKey("name", false), new SortKey("distribution", false)])!.Ordering);
        Assert.Null(ServerOrder.For(Images, [new SortKey("createdAt", false), new SortKey("distribution", false)]));
        Assert.Equal("-type,distribution",
            ServerOrder.For(Images, [new SortKey("type", true), new SortKey("distribution", false), new SortKey("name", false)])!.Ordering);
    }

    [Fact]
    public async Task A_page_inside_one_Waldur_page_is_one_request_carrying_one_comma_separated_o()
    {
        var images = RandomImages.Create(new Random(11), 250);
        SortKey[] order = [new("distribution", false), new("type", true)];
        var (planner, client) = ListPlannerTests.Create(images);
        var page = await planner.LoadAsync(Images, new ListRequest(null, order, new PagingArguments(10, null, null, null)), default);
        Assert.Equal(["GET o=distribution%2C-type&page=1&page_size=300"], client.Log);
        Assert.Equal(ListPlannerTests.Oracle(images, null, order).Take(10), page.Edges.Select(e => e.Node.Uuid));
        Assert.Equal(250, page.TotalCount);

        var (tailPlanner, tailClient) = ListPlannerTests.Create(images, seed: 1);
        var tail = await tailPlanner.LoadAsync(Images, new ListRequest(null, order, new PagingArguments(null, null, 10, null)), default);
        Assert.Equal(["GET o=distribution%2C-type&page=last&page_size=300"], tailClient.Log);
        Assert.Equal(ListPlannerTests.Oracle(images, null, order).TakeLast(10), tail.Edges.Select(e => e.Node.Uuid));
    }

    [Fact]
    public async Task Runs_Waldur_cannot_reread_exactly_fall_back_to_the_scan_and_stay_exact()
    {
        // Empty values are ignored by Waldur's filters (U11) and padded ones stripped, so such runs cannot be re-read.
        string[] odd = ["", " Ubuntu", "Debian", "Ubuntu "];
        var random = new Random(21);
        var images = RandomImages.Create(random, 1000).Select(i => i with { Distribution = odd[random.Next(odd.Length)] }).ToList();
        var log = new List<string>();
        foreach (var descending in new[] { false, true })
        {
            SortKey[] order = [new("distribution", descending), new("name", false)];
            var expected = ListPlannerTests.Oracle(images, null, order);
            Assert.Equal(expected, await ListPlannerTests.PageThroughAsync(images, null, order, 7, forward: true, log));
            Assert.Equal(expected, await ListPlannerTests.PageThroughAsync(images, null, order, 7, forward: false, log));
        }

        Assert.Contains("GET page=1&page_size=300", log);
        Assert.Contains("GET distribution=Debian&page=1&page_size=300", log);
        Assert.DoesNotContain(log, l => l.Contains("distribution=&", StringComparison.Ordinal) || l.Contains("distribution=%20", StringComparison.Ordinal)
            || l.Contains("%20&", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("distribution", "Debian", 3)]
    [InlineData("type", "snapshot", 10)]
    public async Task A_key_pinned_by_a_pushed_filter_still_pages_exactly(string field, string value, int size)
    {
        var images = RandomImages.Create(new Random(size), 900, 4);
        var filter = new FieldFilter(field, "eq", value);
        SortKey[] order = [new("type", true), new("distribution", false), new("name", true)];
        var expected = ListPlannerTests.Oracle(images, filter, order);
        var log = new List<string>();
        Assert.Equal(expected, await ListPlannerTests.PageThroughAsync(images, filter, order, size, forward: true, log));
        Assert.Equal(expected, await ListPlannerTests.PageThroughAsync(images, filter, order, size, forward: false, log));
        Assert.All(log, l => Assert.Contains($"{field}={value}&", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Window_plan_equals_scan_plan_over_random_orders_filters_and_windows()
    {
        var random = new Random(2024);
        string[] fields = ["name", "distribution", "type", "createdAt", "minDiskSize", "isOfficial"];
        var pushed = 0;
        for (var round = 0; round < 400; round++)
        {
            var images = RandomImages.Create(random, random.Next(0, 4) switch { 0 => random.Next(0, 30), 1 => random.Next(30, 300), _ => random.Next(300, 1000) },
                random.Next(3, 9));
            var order = Enumerable.Range(0, random.Next(1, 4))
                .Select(_ => new SortKey(fields[random.Next(random.Next(2) == 0 ? 3 : fields.Length)], random.Next(2) == 0)).ToArray();
            FilterNode? filter = random.Next(4) switch
            {
                0 => new FieldFilter("distribution", "eq", RandomImages.Distributions[random.Next(RandomImages.Distributions.Length)]),
                1 => new FieldFilter("type", "eq", RandomImages.Types[random.Next(RandomImages.Types.Length)]),
                2 => new FieldFilter("name", "contains", "u"),
                _ => null,
            };
            var total = ListPlannerTests.Oracle(images, filter, order).Count;
            var size = random.Next(0, 4) == 0 ? random.Next(0, 101) : random.Next(1, 12);
            var at = random.Next(-1, total + 2);
            var cursor = at < 0 ? null : CursorCodec.Encode(at, CursorCodec.ArgumentsHash(Images.TypeName, filter, order));
            var paging = random.Next(2) == 0 ? new PagingArguments(size, cursor, null, null) : new PagingArguments(null, null, size, cursor);
            var request = new ListRequest(filter, order, paging);

            var (windowScope, windowClient) = ListPlannerTests.CreateScope(images, seed: round);
            var window = await windowScope.GetRequiredService<ListPlanner>().LoadAsync(Images, request, default);
            var (scanScope, _) = ListPlannerTests.CreateScope(images, seed: round + 1);
            var split = FilterSplitter.Split(filter, Images.Pushdown);
            await scanScope.GetRequiredService<ResidualScanner>()
                .ScanAsync(Images, new WaldurListQuery(split.Pushdown, null, 1, WaldurListQuery.MaxPageSize), default);
            var scan = await scanScope.GetRequiredService<ListPlanner>().LoadAsync(Images, request, default);

            var context = $"round {round}: order {string.Join(", ", order.Select(k => k.ToString()))}, filter {filter}, {paging}";
            Assert.True(scan.TotalCount == window.TotalCount, context);
            Assert.True(scan.PageInfo == window.PageInfo, context);
            Assert.True(scan.Edges.Select(e => (e.Cursor, e.Node.Uuid)).SequenceEqual(window.Edges.Select(e => (e.Cursor, e.Node.Uuid))), context);
            pushed += windowClient.Log.Any(l => l.StartsWith("GET o=", StringComparison.Ordinal) || l.Contains("&o=", StringComparison.Ordinal)) ? 1 : 0;
        }

        Assert.True(pushed > 50, $"only {pushed} rounds pushed an o down");
    }
}
