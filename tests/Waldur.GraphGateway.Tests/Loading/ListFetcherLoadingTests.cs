using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.WaldurApi;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading;

public sealed class ListFetcherLoadingTests : IDisposable
{
    private readonly ScriptedWaldurClient _client = new();
    private readonly ListRequestCache _cache = new();
    private readonly RecordingPrimer _primer = new();
    private ListFetcher? _fetcher;

    private ListFetcher Fetcher(int maxConcurrentRequests = 16) =>
        _fetcher ??= new ListFetcher(_client, _cache, [_primer], Options.Create(new ListOptions { MaxConcurrentRequests = maxConcurrentRequests }));

    public void Dispose() => _fetcher?.Dispose();

    private static List<WaldurRow> Images(int count, string name = "n") =>
        Enumerable.Range(0, count).Select(i => TestCatalog.Row("DigitalOceanImage", new Dictionary<string, object?>
        {
            ["uuid"] = $"u{i:D5}", ["name"] = name,
        })).ToList();

    private static WaldurListQuery Query(int page = 1, int size = 300) => new(WaldurListQuery.NoFilters(), null, page, size);

    private static ListResource Resource => TestCatalog.Images;

    [Fact]
    public async Task A_page_is_fetched_once_and_primes_its_rows()
    {
        var rows = Images(3);
        _client.List = q => ScriptedWaldurClient.Serve(rows, q);
        var first = await Fetcher().PageAsync(Resource, Query(), default);
        var second = await Fetcher().PageAsync(Resource, Query(), default);
        Assert.Same(first, second);
        Assert.Equal(1, _client.Requests);
        Assert.Equal(rows, Assert.Single(_primer.Primed));
    }

    [Fact]
    public async Task Count_comes_from_a_page_already_read()
    {
        _client.List = q => ScriptedWaldurClient.Serve(Images(7), q);
        await Fetcher().PageAsync(Resource, Query() with { Ordering = "-type" }, default);
        Assert.Equal(7, await Fetcher().CountAsync(Resource, Query(page: 3, size: 5), default));
        Assert.Equal(1, _client.Requests);
    }

    [Fact]
    public async Task Count_comes_from_a_scan_already_made()
    {
        var scan = new ScanResult(Images(4), new Dictionary<string, int>());
        await _cache.ScanAsync(Resource.Endpoint, Query(), () => Task.FromResult(scan));
        Assert.Equal(4, await Fetcher().CountAsync(Resource, Query(page: 2, size: 10), default));
        Assert.Equal(0, _client.Requests);
    }

    [Fact]
    public async Task Count_otherwise_asks_once_with_head()
    {
        _client.Count = _ => 42;
        Assert.Equal(42, await Fetcher().CountAsync(Resource, Query(), default));
        Assert.Equal(42, await Fetcher().CountAsync(Resource, Query(page: 9), default));
        Assert.Equal(["HEAD "], _client.Log);
    }

    [Fact]
    public async Task Range_joins_the_chosen_pages()
    {
        var rows = Images(50);
        _client.List = q => ScriptedWaldurClient.Serve(rows, q);
        var range = await Fetcher().RangeAsync(Resource, Query(), 12, 27, default);
        Assert.True(range.Start <= 12 && range.End >= 27, $"{range.Start}..{range.End}");
        Assert.Equal(50, range.Total);
        Assert.Equal(rows.Skip(range.Start).Take(range.Rows.Count), range.Rows);
        Assert.Equal(_client.Requests, _primer.Primed.Count);
    }

    [Fact]
    public async Task Range_past_the_end_is_empty_at_the_total()
    {
        _client.List = _ => throw new WaldurInvalidPageException();
        _client.Count = _ => 5;
        var range = await Fetcher().RangeAsync(Resource, Query(), 5, 10, default);
        Assert.Equal(5, range.Start);
        Assert.Empty(range.Rows);
        Assert.Equal(5, range.Total);
    }

    [Fact]
    public async Task Range_refused_before_the_total_is_inconsistent()
    {
        _client.List = _ => throw new WaldurInvalidPageException();
        _client.Count = _ => 6;
        var error = await Assert.ThrowsAsync<GatewayException>(() => Fetcher().RangeAsync(Resource, Query(), 5, 10, default));
        Assert.Equal(ErrorCodes.UpstreamInconsistent, error.Code);
        Assert.Contains("retry the query", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_that_disagree_on_the_total_are_inconsistent()
    {
        var rows = Images(900);
        _client.List = q => q.Page == 1 ? ScriptedWaldurClient.Serve(rows, q) : ScriptedWaldurClient.Serve(rows.Take(899).ToList(), q);
        var error = await Assert.ThrowsAsync<GatewayException>(() => Fetcher().RangeAsync(Resource, Query(), 0, 650, default));
        Assert.Equal(ErrorCodes.UpstreamInconsistent, error.Code);
        Assert.True(_client.Requests >= 2);
    }

    [Fact]
    public async Task Tail_reads_only_the_last_page_when_it_holds_enough()
    {
        var rows = Images(650);
        _client.List = q => ScriptedWaldurClient.Serve(rows, q);
        var range = await Fetcher().TailAsync(Resource, Query(), 50, default);
        Assert.Equal(["GET page=last&page_size=300"], _client.Log);
        Assert.Equal(600, range.Start);
        Assert.Equal(rows.Skip(600), range.Rows);
        Assert.Equal(650, range.Total);
    }

    [Fact]
    public async Task Tail_reads_the_previous_page_too_when_the_last_is_short()
    {
        var rows = Images(650);
        _client.List = q => ScriptedWaldurClient.Serve(rows, q);
        var range = await Fetcher().TailAsync(Resource, Query(), 51, default);
        Assert.Equal(["GET page=last&page_size=300", "GET page=2&page_size=300"], _client.Log);
        Assert.Equal(300, range.Start);
        Assert.Equal(rows.Skip(300), range.Rows);
    }

    [Fact]
    public async Task Tail_of_a_single_page_is_that_page()
    {
        var rows = Images(10);
        _client.List = q => ScriptedWaldurClient.Serve(rows, q);
        var range = await Fetcher().TailAsync(Resource, Query(), 20, default);
        Assert.Single(_client.Log);
        Assert.Equal(0, range.Start);
        Assert.Equal(rows, range.Rows);
    }

    [Fact]
    public async Task Group_selects_the_run_with_the_exact_parameter()
    {
        var rows = Images(3, "Ubuntu");
        _client.List = q => ScriptedWaldurClient.Serve(rows, q);
        var filters = WaldurListQuery.NoFilters();
        filters["type"] = "base";
        var group = await Fetcher().GroupAsync(Resource, Query() with { Filters = filters, Ordering = "type" }, "Ubuntu", default);
        Assert.Equal(rows, group);
        Assert.Equal(["GET name_exact=Ubuntu&type=base&page=1&page_size=300"], _client.Log);
        Assert.False(filters.ContainsKey("name_exact"));
    }

    [Fact]
    public async Task Group_may_repeat_a_pinned_equal_value()
    {
        _client.List = q => ScriptedWaldurClient.Serve(Images(1, "x"), q);
        var filters = WaldurListQuery.NoFilters();
        filters["name_exact"] = "x";
        Assert.NotNull(await Fetcher().GroupAsync(Resource, Query() with { Filters = filters }, "x", default));
        Assert.Single(_client.Log);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" x")]
    [InlineData("x ")]
    public async Task Group_of_an_unselectable_key_is_null(string key)
    {
        Assert.Null(await Fetcher().GroupAsync(Resource, Query(), key, default));
        Assert.Empty(_client.Log);
    }

    [Fact]
    public async Task Group_pinned_to_another_value_or_without_an_exact_parameter_is_null()
    {
        var filters = WaldurListQuery.NoFilters();
        filters["name_exact"] = "y";
        Assert.Null(await Fetcher().GroupAsync(Resource, Query() with { Filters = filters }, "x", default));
        Assert.Null(await Fetcher().GroupAsync(TestCatalog.Resources["MarketplaceResource"], Query(), "x", default));
        Assert.Empty(_client.Log);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(300, 1)]
    [InlineData(301, 2)]
    [InlineData(601, 3)]
    public async Task Run_reads_every_page_of_the_run(int total, int pages)
    {
        var rows = Images(total);
        _client.List = q => ScriptedWaldurClient.Serve(rows, q);
        var filters = WaldurListQuery.NoFilters();
        filters["name_exact"] = "n";
        var run = await Fetcher().RunAsync(Resource, filters, default);
        Assert.Equal(pages, _client.Requests);
        Assert.Equal(rows.Select(r => r.Uuid).Order(), run!.Select(r => r.Uuid).Order());
    }

    [Fact]
    public async Task Run_joins_overlapping_pages_by_uuid_when_they_add_up()
    {
        var rows = Images(301);
        // Ties may shift between pages (U16): here page 2 repeats a row of page 1, yet all 301 rows arrive.
        _client.List = q => q.Page == 1
            ? new WaldurPage(rows.Take(300).ToList(), 301, 1, 300)
            : new WaldurPage([rows[299], rows[300]], 301, 2, 300);
        var run = await Fetcher().RunAsync(Resource, WaldurListQuery.NoFilters(), default);
        Assert.Equal(301, run!.Count);
    }

    [Fact]
    public async Task Run_that_misses_a_row_is_inconsistent()
    {
        var rows = Images(301);
        _client.List = q => q.Page == 1
            ? new WaldurPage(rows.Take(300).ToList(), 301, 1, 300)
            : new WaldurPage([rows[299]], 301, 2, 300);
        var error = await Assert.ThrowsAsync<GatewayException>(() => Fetcher().RunAsync(Resource, WaldurListQuery.NoFilters(), default));
        Assert.Equal(ErrorCodes.UpstreamInconsistent, error.Code);
    }

    [Fact]
    public async Task Waldur_calls_stay_within_max_concurrent_requests()
    {
        var rows = Images(100);
        _client.List = q => ScriptedWaldurClient.Serve(rows, q);
        _client.Count = _ => 100;
        _client.Delay = TimeSpan.FromMilliseconds(30);
        var fetcher = Fetcher(maxConcurrentRequests: 2);
        var calls = Enumerable.Range(1, 6).Select(p => (Task)fetcher.PageAsync(Resource, Query(p, 10), default))
            .Append(fetcher.CountAsync(Resource, Query() with { Ordering = null, Filters = new(StringComparer.Ordinal) { ["type"] = "x" } }, default));
        await Task.WhenAll(calls);
        Assert.Equal(7, _client.Requests);
        // The property is the bound; whether two calls happened to overlap depends on a busy machine's scheduling.
        Assert.InRange(_client.MaxInFlight, 1, 2);
    }

    [Fact]
    public async Task Without_a_bound_the_calls_overlap()
    {
        // The control for the test above: the fake does see overlapping calls when the bound allows them.
        _client.List = q => ScriptedWaldurClient.Serve(Images(100), q);
        // Long enough that the six calls overlap even on a loaded machine.
        _client.Delay = TimeSpan.FromMilliseconds(300);
        var fetcher = Fetcher(maxConcurrentRequests: 16);
        await Task.WhenAll(Enumerable.Range(1, 6).Select(p => fetcher.PageAsync(Resource, Query(p, 10), default)));
        Assert.True(_client.MaxInFlight > 2, $"max in flight {_client.MaxInFlight}");
    }

    [Fact]
    public async Task A_cancelled_request_waiting_for_a_slot_is_cancelled()
    {
        _client.List = q => ScriptedWaldurClient.Serve(Images(10), q);
        _client.Delay = TimeSpan.FromMilliseconds(200);
        var fetcher = Fetcher(maxConcurrentRequests: 1);
        var busy = fetcher.PageAsync(Resource, Query(1, 5), default);
        using var cancel = new CancellationTokenSource();
        var waiting = fetcher.PageAsync(Resource, Query(2, 5), cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        await busy;
        Assert.Single(_client.Log);
    }

    [Fact]
    public async Task A_get_by_uuid_is_a_bounded_budgeted_call_that_primes_its_row()
    {
        var row = Images(1)[0];
        _client.Retrieve = uuid => uuid == row.Uuid ? row : null;
        var calls = new WaldurCallBudget(Options.Create(new WaldurOptions { MaxCallsPerRequest = 2 }));
        using var fetcher = new ListFetcher(_client, _cache, [_primer], Options.Create(new ListOptions()), calls);

        Assert.Same(row, await fetcher.RetrieveAsync(Resource, row.Uuid, default));
        Assert.Null(await fetcher.RetrieveAsync(Resource, "missing", default));
        Assert.Equal([row], Assert.Single(_primer.Primed));
        var error = await Assert.ThrowsAsync<GatewayException>(() => fetcher.RetrieveAsync(Resource, row.Uuid, default));
        Assert.Equal(ErrorCodes.WaldurCallsExceeded, error.Code);
    }

    private sealed class RecordingPrimer : IResourcePrimer
    {
        public List<IReadOnlyList<WaldurRow>> Primed { get; } = [];

        public void Prime(IReadOnlyList<WaldurRow> rows)
        {
            lock (Primed)
            {
                Primed.Add(rows);
            }
        }
    }
}
