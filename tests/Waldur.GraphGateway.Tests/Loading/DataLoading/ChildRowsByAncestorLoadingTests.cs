using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.DataLoading;
using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.WaldurApi;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading.DataLoading;

/// <summary>
/// Orders of many resources read through the ancestors every order shares with its resource (<c>project_uuid</c>,
/// <c>customer_uuid</c>, one value each in Waldur's OrderFilter): one list per shared ancestor value, grouped by resource,
/// and null (the resource's own plan) where a shared read would not save a request.
/// </summary>
public sealed class ChildRowsByAncestorLoadingTests : IDisposable
{
    private static ListResource Orders => TestCatalog.Resources["MarketplaceOrder"];

    private readonly ScriptedWaldurClient _client = new();
    private readonly ListFetcher _fetcher;
    private readonly ResidualScanner _scanner;
    private readonly List<WaldurRow> _orders = [];

    public ChildRowsByAncestorLoadingTests()
    {
        var lists = Options.Create(new ListOptions());
        _fetcher = new ListFetcher(_client, new ListRequestCache(), [], lists);
        _scanner = new ResidualScanner(_fetcher, lists);
        _client.List = q => ScriptedWaldurClient.Serve([.. _orders.Where(o => Matches(o, q, "project_uuid", "projectUuid") && Matches(o, q, "customer_uuid", "customerUuid"))], q);
    }

    public void Dispose() => _fetcher.Dispose();

    private static bool Matches(WaldurRow row, WaldurListQuery query, string parameter, string field) =>
        !query.Filters.TryGetValue(parameter, out var value) || (string?)row[Orders.Endpoint.Shape[field].Index] == value;

    private static string Uuid(int i) => $"{i:x32}";

    /// <summary>Resource r (uuid r) lives in project r / 10 (uuid 1000 + p) of customer p / 2 (uuid 2000 + c); n orders each.</summary>
    private static ChildKey Resource(int r) => new(Uuid(r), [Uuid(1000 + (r / 10)), Uuid(2000 + (r / 20))]);

    private void AddOrders(int resource, int n)
    {
        for (var i = 0; i < n; i++)
        {
            var key = Resource(resource);
            _orders.Add(TestCatalog.Row("MarketplaceOrder", new Dictionary<string, object?>
            {
                ["uuid"] = Uuid((resource * 1000) + i + 100_000), ["url"] = "http://h/", ["marketplaceResourceUuid"] = key.Parent,
                ["projectUuid"] = key.Ancestors[0], ["customerUuid"] = key.Ancestors[1],
            }));
        }
    }

    private ChildRowsDataLoader Loader(int budget = 10_000)
    {
        var rules = Orders.Pushdown;
        PushdownRule Rule(string field) => rules.First(r => r.Field == field && r.Operation == FilterOperations.Eq);
        return new ChildRowsDataLoader(Orders, new ChildBatch(Rule("marketplaceResourceUuid"), [Rule("projectUuid"), Rule("customerUuid")],
            WaldurListQuery.NoFilters()), _scanner, new ScanBudget(budget));
    }

    [Fact]
    public async Task Resources_sharing_a_customer_are_one_request_by_the_ancestor_with_fewest_values_and_get_their_own_orders()
    {
        int[] resources = [1, 2, 11, 12, 25];
        foreach (var r in resources)
        {
            AddOrders(r, r % 3);
        }

        AddOrders(3, 2); // a resource nobody asked about, under the same customer: read, and given to nobody
        var results = await Loader().LoadMany(resources.Select(Resource)).GetResultAsync();

        // Projects 0, 1, 2 (3 values) vs customers 0, 1 (2): customer 0 holds resources 1, 2, 11, 12; customer 1 only 25.
        Assert.Equal([$"GET customer_uuid={Uuid(2000)}&page=1&page_size=300"], _client.Log);
        Assert.Equal(resources.Take(4).Select(r => r % 3), results.Take(4).Select(c => c!.Rows.Count));
        Assert.All(results.Take(4).Zip(resources), p => Assert.All(p.First!.Rows, o => Assert.Equal(Uuid(p.Second), o[Orders.Endpoint.Shape["marketplaceResourceUuid"].Index])));
        Assert.Null(results[4]); // alone under its customer and its project: its own plan reads it
    }

    [Fact]
    public async Task An_ancestor_whose_rows_cost_as_many_requests_as_its_parents_is_left_for_the_next_ancestor_or_the_parents()
    {
        AddOrders(1, 400); // customer 0's orders are 2 pages: no cheaper than its 2 resources' own reads
        AddOrders(2, 1);
        var results = await Loader().LoadMany([Resource(1), Resource(2)]).GetResultAsync();

        // Both ancestors have one value; project 0 first (declared first), then customer 0: each only its first page.
        Assert.Equal([$"GET project_uuid={Uuid(1000)}&page=1&page_size=300", $"GET customer_uuid={Uuid(2000)}&page=1&page_size=300"], _client.Log);
        Assert.All(results, Assert.Null);
    }

    [Fact]
    public async Task An_ancestor_over_the_scan_budget_is_left_to_the_parents_own_plans()
    {
        AddOrders(1, 6);
        AddOrders(2, 6);
        var results = await Loader(budget: 11).LoadMany([Resource(1), Resource(2)]).GetResultAsync();

        Assert.Equal(2, _client.Requests); // one first page per ancestor, nothing more
        Assert.All(results, Assert.Null);

        var within = await Loader(budget: 12).LoadMany([Resource(1), Resource(2)]).GetResultAsync();
        Assert.Equal([6, 6], within.Select(c => c!.Rows.Count));
    }
}
