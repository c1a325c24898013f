using Microsoft.Extensions.DependencyInjection;
using JournalEntry = Waldur.Emulator.Journal.JournalEntry;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.DataLoading;
using Waldur.GraphGateway.WaldurApi;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading.DataLoading;

/// <summary>The by-uuid loaders of the catalog's images and regions against the emulator over loopback, counted by its request journal.</summary>
public sealed class ResourceByUuidDataLoaderTests(EmulatorLoaderFixture fixture) : IClassFixture<EmulatorLoaderFixture>
{
    private const int PageSize = 300;
    private const string ImageType = "DigitalOceanImage";

    private async Task<(IReadOnlyList<T> Results, IReadOnlyList<JournalEntry> Requests)> RunAsync<T>(
        Func<IServiceProvider, Task<IReadOnlyList<T>>> run)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        fixture.Journal.Clear();
        var results = await run(scope.ServiceProvider);
        return (results, fixture.Journal.Snapshot());
    }

    /// <summary>What an earlier unfiltered images response of the same request would have taught it.</summary>
    private static void KnowImageTotal(IServiceProvider services, int total) =>
        services.GetRequiredService<ListRequestCache>().SetCount(services.GetRequiredService<ListResources>()[ImageType].Endpoint, WaldurListQuery.Unfiltered(), total);

    private static ResourceByUuidDataLoader Loader(IServiceProvider services, string typeName) =>
        services.GetRequiredService<ResourceLoaders>().ByUuid(typeName);

    [Fact]
    public async Task Twenty_uuids_with_an_unknown_total_cost_no_more_than_the_cheaper_strategy_plus_the_first_page()
    {
        var random = new Random(1);
        var images = fixture.Dataset.Images;
        var wanted = Enumerable.Range(0, 20).Select(_ => images[random.Next(images.Count)].Uuid).ToList();
        wanted.Add(new string('f', 32));
        wanted.Add(wanted[0]);

        var (results, requests) = await RunAsync(sp =>
            Loader(sp, ImageType).LoadMany(wanted).GetResultAsync());

        Assert.Equal(wanted.Select(u => images.Any(i => i.Uuid == u) ? u : null), results.Select(r => r?.Uuid));
        Assert.Equal(wanted.Select(u => images.FirstOrDefault(i => i.Uuid == u)?.Name), results.Select(r => (string?)(string?)r?["name"]));
        var distinct = wanted.Distinct().Count();
        var scanPages = (images.Count + PageSize - 1) / PageSize;
        Assert.InRange(requests.Count, 1, Math.Min(distinct, scanPages) + 1);
        Assert.All(requests, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task With_a_known_total_a_few_uuids_are_parallel_GETs_and_many_are_one_scan()
    {
        var images = fixture.Dataset.Images;
        var few = images.Take(2).Select(i => i.Uuid).ToList();
        var (fewResults, fewRequests) = await RunAsync(sp =>
        {
            KnowImageTotal(sp, images.Count);
            return Loader(sp, ImageType).LoadMany(few).GetResultAsync();
        });
        Assert.Equal(few, fewResults.Select(r => r!.Uuid));
        Assert.Equal(few.Select(u => $"/api/digitalocean-images/{u}/").Order(), fewRequests.Select(r => r.Path).Order());

        var many = images.Skip(100).Take(30).Select(i => i.Uuid).ToList();
        var (manyResults, manyRequests) = await RunAsync(sp =>
        {
            KnowImageTotal(sp, images.Count);
            return Loader(sp, ImageType).LoadMany(many).GetResultAsync();
        });
        Assert.Equal(many, manyResults.Select(r => r!.Uuid));
        Assert.Equal((images.Count + PageSize - 1) / PageSize, manyRequests.Count);
        Assert.All(manyRequests, r => Assert.Equal("/api/digitalocean-images/", r.Path));
    }

    [Fact]
    public async Task Images_prime_their_regions_and_a_region_batch_is_one_regions_list()
    {
        var image = fixture.Dataset.Images.First(i => i.Regions.Count > 0);
        var (regions, requests) = await RunAsync<string?>(async sp =>
        {
            await Loader(sp, ImageType).Load(image.Uuid).GetResultAsync();
            var loader = Loader(sp, "DigitalOceanRegion");
            var nested = await loader.LoadMany(image.Regions.Select(r => r.Uuid)).GetResultAsync();
            Assert.Equal(0, loader.BatchCount);
            var all = await loader.LoadMany(fixture.Dataset.Regions.Select(r => r.Uuid).Append(new string('0', 32))).GetResultAsync();
            Assert.Equal(1, loader.BatchCount);
            return [.. nested.Select(r => (string?)(string?)r?["name"]), .. all.Select(r => (string?)(string?)r?["name"])];
        });

        Assert.Equal(
            [.. image.Regions.Select(r => r.Name), .. fixture.Dataset.Regions.Select(r => r.Name), null],
            regions);
        Assert.Equal(new[] { $"/api/digitalocean-images/{image.Uuid}/", "/api/digitalocean-regions/" }, requests.Select(r => r.Path));
    }
}
