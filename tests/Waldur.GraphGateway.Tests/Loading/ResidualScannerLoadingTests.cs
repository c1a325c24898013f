using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.WaldurApi;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading;

/// <summary><see cref="ResidualScanner"/> against a scripted Waldur: page counts, ranks, and the repair of a tied run cut by a page boundary.</summary>
public sealed class ResidualScannerLoadingTests : IDisposable
{
    private readonly ScriptedWaldurClient _client = new();
    private readonly ListFetcher _fetcher;
    private readonly ResidualScanner _scanner;

    public ResidualScannerLoadingTests()
    {
        var options = Options.Create(new ListOptions());
        _fetcher = new ListFetcher(_client, new ListRequestCache(), [], options);
        _scanner = new ResidualScanner(_fetcher, options);
    }

    public void Dispose() => _fetcher.Dispose();

    /// <summary>Images in name order; 295..305 share the name <c>tie</c>, a run across the page-1/page-2 boundary.</summary>
    private static List<WaldurRow> Images(int count) => Enumerable.Range(0, count).Select(i => TestCatalog.Row("DigitalOceanImage",
        new Dictionary<string, object?> { ["uuid"] = $"{i:x32}", ["name"] = i < 295 ? $"m{i:D4}" : i <= 305 ? "tie" : $"z{i:D4}" })).ToList();

    [Theory]
    [InlineData(0, 1)]
    [InlineData(300, 1)]
    [InlineData(301, 2)]
    [InlineData(900, 3)]
    public async Task Pages_cover_the_count(int total, int pages)
    {
        var rows = Images(total);
        _client.List = q => ScriptedWaldurClient.Serve(rows, q);
        var read = await _scanner.PagesAsync(TestCatalog.Images, WaldurListQuery.Unfiltered(), default);
        Assert.Equal(pages, read.Count);
        Assert.Equal(pages, _client.Requests);
        Assert.Equal(rows, read.SelectMany(p => p.Items));
    }

    [Fact]
    public async Task Pages_that_disagree_on_the_count_are_inconsistent()
    {
        var rows = Images(400);
        _client.List = q => q.Page == 1 ? ScriptedWaldurClient.Serve(rows, q) : new WaldurPage(rows.Skip(300).ToList(), 401, 2, 300);
        var error = await Assert.ThrowsAsync<GatewayException>(() => _scanner.PagesAsync(TestCatalog.Images, WaldurListQuery.Unfiltered(), default));
        Assert.Equal(ErrorCodes.UpstreamInconsistent, error.Code);
    }

    [Fact]
    public async Task A_clean_scan_ranks_each_name_by_its_first_position()
    {
        var rows = Images(310);
        _client.List = q => ScriptedWaldurClient.Serve(rows, q);
        var scan = await _scanner.ScanAsync(TestCatalog.Images, WaldurListQuery.Unfiltered(), default);
        Assert.Equal(rows, scan.Rows);
        Assert.Equal(0, scan.DefaultOrderRank["m0000"]);
        Assert.Equal(295, scan.DefaultOrderRank["tie"]);
        Assert.Equal(306, scan.DefaultOrderRank["z0306"]);
        Assert.Equal(295 + 1 + 4, scan.DefaultOrderRank.Count);
        Assert.Equal(2, _client.Requests);
    }

    [Fact]
    public async Task Without_a_known_default_order_there_is_no_rank()
    {
        var rows = Enumerable.Range(0, 3).Select(i => TestCatalog.Row("MarketplaceResource", new Dictionary<string, object?> { ["uuid"] = $"{i:x32}", ["name"] = "x" })).ToList();
        _client.List = q => ScriptedWaldurClient.Serve(rows, q);
        var scan = await _scanner.ScanAsync(TestCatalog.Resources["MarketplaceResource"], WaldurListQuery.Unfiltered(), default);
        Assert.Equal(rows, scan.Rows);
        Assert.Empty(scan.DefaultOrderRank);
    }

    [Fact]
    public async Task A_run_cut_by_a_page_boundary_is_reread_whole_by_exact_name()
    {
        var rows = Images(600);
        // Page 2 repeats row 299 (a "tie") and so lacks row 300.
        _client.List = q => q.Filters.TryGetValue("name_exact", out var name)
            ? ScriptedWaldurClient.Serve(rows.Where(r => (string)r["name"]! == name.ToString()).ToList(), q)
            : q.Page == 2 ? new WaldurPage([rows[299], .. rows.Skip(301)], 600, 2, 300) : ScriptedWaldurClient.Serve(rows, q);
        var scan = await _scanner.ScanAsync(TestCatalog.Images, WaldurListQuery.Unfiltered(), default);
        Assert.Equal(rows.Select(r => r.Uuid), scan.Rows.Select(r => r.Uuid));
        Assert.Equal(["GET page=1&page_size=300", "GET page=2&page_size=300", "GET name_exact=tie&page=1&page_size=300"], _client.Log);
        Assert.Equal(295, scan.DefaultOrderRank["tie"]);
    }

    [Fact]
    public async Task A_row_missing_outside_a_cut_run_is_inconsistent()
    {
        var rows = Images(600);
        // Page 2 lacks row 400 (not in the cut run) and repeats row 401.
        _client.List = q => q.Filters.ContainsKey("name_exact")
            ? ScriptedWaldurClient.Serve(rows.Where(r => (string)r["name"]! == "tie").ToList(), q)
            : q.Page == 2 ? new WaldurPage([.. rows.Skip(300).Where(r => r != rows[400]), rows[401]], 600, 2, 300) : ScriptedWaldurClient.Serve(rows, q);
        var error = await Assert.ThrowsAsync<GatewayException>(() => _scanner.ScanAsync(TestCatalog.Images, WaldurListQuery.Unfiltered(), default));
        Assert.Equal(ErrorCodes.UpstreamInconsistent, error.Code);
    }

    [Fact]
    public async Task Page_boundaries_between_different_names_are_not_reread()
    {
        var rows = Images(600).Select((r, i) => TestCatalog.Row("DigitalOceanImage", new Dictionary<string, object?> { ["uuid"] = r.Uuid, ["name"] = $"n{i:D4}" })).ToList();
        // Page 2 repeats its own first row and lacks row 599: no run crosses the boundary, so nothing can repair it.
        _client.List = q => q.Page == 2 ? new WaldurPage([rows[300], .. rows.Skip(300).Take(299)], 600, 2, 300) : ScriptedWaldurClient.Serve(rows, q);
        await Assert.ThrowsAsync<GatewayException>(() => _scanner.ScanAsync(TestCatalog.Images, WaldurListQuery.Unfiltered(), default));
        Assert.Equal(2, _client.Requests);
    }
    [Fact]
    public async Task Page_reads_after_the_first_respect_the_scan_concurrency()
    {
        var options = Options.Create(new ListOptions { ScanConcurrency = 1 });
        using var fetcher = new ListFetcher(_client, new ListRequestCache(), [], options);
        var scanner = new ResidualScanner(fetcher, options);
        var rows = Images(1200);
        _client.List = q => ScriptedWaldurClient.Serve(rows, q);
        _client.Delay = TimeSpan.FromMilliseconds(20);
        // A slot never given back would stall page 3 until this token fires.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var read = await scanner.PagesAsync(TestCatalog.Images, WaldurListQuery.Unfiltered(), timeout.Token);
        Assert.Equal(rows, read.SelectMany(p => p.Items));
        Assert.Equal(4, _client.Requests);
        Assert.Equal(1, _client.MaxInFlight);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task An_empty_page_is_inconsistent_not_a_crash(int emptyPage)
    {
        var rows = Images(900);
        _client.List = q => q.Page == emptyPage ? new WaldurPage([], 900, emptyPage, 300) : ScriptedWaldurClient.Serve(rows, q);
        var error = await Assert.ThrowsAsync<GatewayException>(() => _scanner.ScanAsync(TestCatalog.Images, WaldurListQuery.Unfiltered(), default));
        Assert.Equal(ErrorCodes.UpstreamInconsistent, error.Code);
        Assert.Equal(3, _client.Requests);
    }

    [Fact]
    public async Task A_tied_row_the_reread_omits_is_kept_from_the_pages()
    {
        var rows = Images(600);
        // Page 2 repeats row 299 and lacks row 300; the re-read of "tie" has 300 but not 305, which page 2 does have.
        _client.List = q => q.Filters.ContainsKey("name_exact")
            ? ScriptedWaldurClient.Serve(rows.Skip(295).Take(10).ToList(), q)
            : q.Page == 2 ? new WaldurPage([rows[299], .. rows.Skip(301)], 600, 2, 300) : ScriptedWaldurClient.Serve(rows, q);
        var scan = await _scanner.ScanAsync(TestCatalog.Images, WaldurListQuery.Unfiltered(), default);
        Assert.Equal(rows.Select(r => r.Uuid), scan.Rows.Select(r => r.Uuid));
        Assert.Equal(["GET page=1&page_size=300", "GET page=2&page_size=300", "GET name_exact=tie&page=1&page_size=300"], _client.Log);
    }
}
