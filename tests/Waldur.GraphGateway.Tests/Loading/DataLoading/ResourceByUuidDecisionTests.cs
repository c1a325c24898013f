using System.Diagnostics;
using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.DataLoading;
using Waldur.GraphGateway.WaldurApi;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading.DataLoading;

/// <summary>
/// How a by-uuid batch was answered, as its span tells it: the span is the <c>by_uuid</c> loader's, and the decision
/// (<c>waldur_gateway.planner.mode</c>) names the path taken, against a scripted Waldur.
/// </summary>
public sealed class ResourceByUuidDecisionTests : IDisposable
{
    private const string Images = "DigitalOceanImage";
    private readonly ScriptedWaldurClient _client = new();
    private readonly ListRequestCache _cache = new();
    private readonly ListFetcher _fetcher;
    private readonly ResourceLoaders _loaders;

    public ResourceByUuidDecisionTests()
    {
        var lists = Options.Create(new ListOptions());
        var feed = new RowsReadFeed();
        _fetcher = new ListFetcher(_client, _cache, [feed], lists);
        _loaders = new ResourceLoaders(TestCatalog.Resources, _fetcher, new ResidualScanner(_fetcher, lists), feed,
            Options.Create(new DataLoadingOptions { ByUuidConcurrency = 8 }), lists);
    }

    public void Dispose() => _fetcher.Dispose();

    private static string Uuid(int i) => $"{i:x32}";

    private static WaldurRow Image(int i) => ExecutorHarness.Image(i, $"Image {i}");

    /// <summary>Loads <paramref name="keys"/> in one batch of <paramref name="typeName"/>'s loader and returns that batch's span.</summary>
    private async Task<Activity> BatchAsync(string typeName, params int[] keys)
    {
        using var spans = new BatchSpans();
        await _loaders.ByUuid(typeName).LoadMany(keys.Select(Uuid)).GetResultAsync();
        var span = Assert.Single(spans.Children);
        Assert.Equal($"batch {typeName}", span.DisplayName);
        Assert.Equal("by_uuid", span.GetTagItem("waldur_gateway.dataloader"));
        return span;
    }

    private static string? Decision(Activity span) => span.GetTagItem("waldur_gateway.planner.mode") as string;

    [Fact]
    public async Task Keys_of_a_list_already_scanned_are_taken_from_that_scan()
    {
        await _cache.ScanAsync(TestCatalog.Images.Endpoint, WaldurListQuery.Unfiltered(),
            () => Task.FromResult(new ScanResult([Image(1)], new Dictionary<string, int>())));
        Assert.Equal("lookup_from_scan", Decision(await BatchAsync(Images, 1, 2)));
        Assert.Empty(_client.Log);
    }

    [Fact]
    public async Task A_resource_with_a_batch_filter_is_read_with_it()
    {
        _client.List = q => ScriptedWaldurClient.Serve([], q);
        Assert.Equal("lookup_batch_filter", Decision(await BatchAsync("MarketplacePublicOffering", 1, 2)));
        Assert.Single(_client.Log);
    }

    [Fact]
    public async Task A_small_list_scanned_for_lookups_is_read_whole()
    {
        _client.List = q => ScriptedWaldurClient.Serve([], q);
        Assert.Equal("lookup_scan", Decision(await BatchAsync("DigitalOceanRegion", 1)));
        Assert.Equal(["GET page=1&page_size=300"], _client.Log);
    }

    [Fact]
    public async Task Few_keys_with_an_unknown_total_are_got_one_by_one()
    {
        _client.Retrieve = _ => null;
        Assert.Equal("lookup_get_each", Decision(await BatchAsync(Images, 1, 2)));
        Assert.Equal(2, _client.Requests);
    }

    [Fact]
    public async Task More_keys_than_pages_of_a_known_total_are_one_scan()
    {
        var images = Enumerable.Range(1, 600).Select(Image).ToList();
        _client.List = q => ScriptedWaldurClient.Serve(images, q);
        _cache.SetCount(TestCatalog.Images.Endpoint, WaldurListQuery.Unfiltered(), 600);
        Assert.Equal("lookup_scan", Decision(await BatchAsync(Images, 5, 450, 599)));
        Assert.Equal(2, _client.Requests);
    }

    [Fact]
    public async Task Many_keys_with_an_unknown_total_that_page_one_answers_stop_there()
    {
        var images = Enumerable.Range(1, 20).Select(Image).ToList();
        _client.List = q => ScriptedWaldurClient.Serve(images, q);
        Assert.Equal("lookup_first_page", Decision(await BatchAsync(Images, 1, 2, 3, 4, 5, 6)));
        Assert.Equal(["GET page=1&page_size=300"], _client.Log);
    }
}
