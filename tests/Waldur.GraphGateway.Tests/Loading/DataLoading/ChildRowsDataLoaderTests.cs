using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Waldur.Catalog.Model;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.DataLoading;
using Waldur.GraphGateway.WaldurApi;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading.DataLoading;

/// <summary>Every parent's children in one Waldur list per 100 parents, filtered by the reference's multi-value parameter.</summary>
public sealed class ChildRowsDataLoaderTests : IDisposable
{
    private static ListResource Projects => TestCatalog.Resources["Project"];

    private readonly ScriptedWaldurClient _client = new();
    private readonly ListFetcher _fetcher;
    private readonly ResidualScanner _scanner;

    public ChildRowsDataLoaderTests()
    {
        var lists = Options.Create(new ListOptions());
        _fetcher = new ListFetcher(_client, new ListRequestCache(), [], lists);
        _scanner = new ResidualScanner(_fetcher, lists);
    }

    public void Dispose() => _fetcher.Dispose();

    private static string Uuid(int i) => $"{i:x32}";

    private static WaldurRow Project(int i, int customer) => TestCatalog.Row("Project", new Dictionary<string, object?>
    {
        ["uuid"] = Uuid(i), ["url"] = $"http://h/api/projects/{Uuid(i)}/", ["name"] = $"p{i:000}", ["customerUuid"] = Uuid(1000 + customer),
    });

    /// <summary>Projects 1..n, project i under customer i % 3, served by the `customer` filter like Waldur's CSV filter.</summary>
    private void Serve(int n)
    {
        var rows = Enumerable.Range(1, n).Select(i => Project(i, i % 3)).ToList();
        _client.List = q =>
        {
            var customers = q.Filters.TryGetValue("customer", out var v) ? v.SelectMany(s => s!.Split(',')).ToHashSet() : null;
            return ScriptedWaldurClient.Serve([.. rows.Where(r => customers is null || customers.Contains((string)r["customerUuid"]!))], q);
        };
    }

    private ChildRowsDataLoader Loader(FilterLookup lookup, int budget = 10_000, SortedDictionary<string, StringValues>? pushdown = null) =>
        new(Projects, new ChildBatch(new PushdownRule("customerUuid", "in", "customer", lookup), [], pushdown ?? WaldurListQuery.NoFilters()), _scanner, new ScanBudget(budget));

    private static IEnumerable<ChildKey> Parents(params IEnumerable<string> uuids) => uuids.Select(u => new ChildKey(u, []));

    [Fact]
    public async Task Parents_of_one_level_share_one_comma_separated_request_and_get_their_own_children()
    {
        Serve(30);
        var loader = Loader(FilterLookup.CsvMulti, pushdown: new(StringComparer.Ordinal) { ["name"] = "p" });
        var results = await loader.LoadMany(Parents(Uuid(1000), Uuid(1001), Uuid(1999))).GetResultAsync();

        Assert.Equal([$"GET customer={Uuid(1000)}%2C{Uuid(1001)}%2C{Uuid(1999)}&name=p&page=1&page_size=300"], _client.Log);
        Assert.Equal(Enumerable.Range(1, 30).Where(i => i % 3 == 0).Select(Uuid), results[0]!.Rows.Select(r => r.Uuid));
        Assert.Equal(Enumerable.Range(1, 30).Where(i => i % 3 == 1).Select(Uuid), results[1]!.Rows.Select(r => r.Uuid));
        Assert.Empty(results[2]!.Rows);
        Assert.Equal(1, results[0]!.DefaultOrderRank["p003"]); // its place in the one list read for all parents (p001 first)
    }

    [Fact]
    public async Task A_repeated_parameter_sends_each_parent_and_more_than_a_hundred_parents_split_into_requests()
    {
        Serve(3);
        var parents = Enumerable.Range(0, 150).Select(i => Uuid(1000 + i)).ToList();
        var results = await Loader(FilterLookup.RepeatedMulti).LoadMany(Parents(parents)).GetResultAsync();

        Assert.Equal(2, _client.Requests);
        Assert.StartsWith($"GET customer={Uuid(1000)}&customer={Uuid(1001)}&", _client.Log[0], StringComparison.Ordinal);
        Assert.Equal(new[] { 1, 1, 1 }, results.Take(3).Select(r => r!.Rows.Count));
        Assert.All(results.Skip(3), r => Assert.Empty(r!.Rows));
    }

    [Fact]
    public async Task More_children_than_the_scan_budget_is_an_error_naming_the_parents_and_the_budget()
    {
        Serve(30);
        var error = await Assert.ThrowsAsync<GatewayException>(() => Loader(FilterLookup.CsvMulti, budget: 9).LoadMany(Parents(Uuid(1000), Uuid(1001))).GetResultAsync());

        Assert.Equal(ErrorCodes.ScanBudgetExceeded, error.Code);
        Assert.Equal("The projects of 2 parents are 20 rows in Waldur (budget 9); ask for fewer parents or add filters Waldur applies itself.", error.Message);
        Assert.Single(_client.Log);

        // Exactly at the budget is allowed.
        var atBudget = await Loader(FilterLookup.CsvMulti, budget: 10).LoadMany(Parents(Uuid(1000))).GetResultAsync();
        Assert.Equal(10, atBudget[0]!.Rows.Count);
    }
}
