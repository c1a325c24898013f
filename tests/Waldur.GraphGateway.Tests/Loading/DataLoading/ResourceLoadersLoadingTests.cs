using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Waldur.Catalog.Generated;
using Waldur.Catalog.Model;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.DataLoading;
using Waldur.GraphGateway.WaldurApi;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading.DataLoading;

/// <summary>Priming and the by-uuid fetch paths of <see cref="ResourceLoaders"/>/<see cref="ResourceByUuidDataLoader"/>, against a scripted Waldur.</summary>
public sealed class ResourceLoadersLoadingTests : IDisposable
{
    private const string Offering = "MarketplacePublicOffering";
    private readonly ScriptedWaldurClient _client = new();
    private readonly ListRequestCache _cache = new();
    private readonly ListFetcher _fetcher;
    private readonly ResourceLoaders _loaders;

    public ResourceLoadersLoadingTests() : this(TestCatalog.Resources, byUuidConcurrency: 8)
    {
    }

    private ResourceLoadersLoadingTests(ListResources resources, int byUuidConcurrency, int maxCalls = 1000)
    {
        var lists = Options.Create(new ListOptions());
        var calls = new WaldurCallBudget(Options.Create(new WaldurOptions { MaxCallsPerRequest = maxCalls }));
        var feed = new RowsReadFeed();
        _fetcher = new ListFetcher(_client, _cache, [feed], lists, calls);
        _loaders = new ResourceLoaders(resources, _fetcher, new ResidualScanner(_fetcher, lists), feed,
            Options.Create(new DataLoadingOptions { ByUuidConcurrency = byUuidConcurrency }), lists);
    }

    public void Dispose() => _fetcher.Dispose();

    private static string Uuid(int i) => $"{i:x32}";

    private static WaldurRow Region(int i) => new TestRegion($"r{i}", Uuid(1000 + i), $"Region {i}").ToRow();

    private static WaldurRow Image(int i, params int[] regions) => new TestImage($"i{i}", Uuid(i), $"Image {i}", "Ubuntu", "base",
        [.. regions.Select(r => new TestRegion($"r{r}", Uuid(1000 + r), $"Region {r}"))], true, null, null).ToRow();

    private static WaldurRow OfferingRow(int i) => TestCatalog.Row(Offering, new Dictionary<string, object?> { ["uuid"] = Uuid(i), ["name"] = $"o{i}" });

    /// <summary>A row read with <c>field=</c>: it holds only some fields.</summary>
    private static WaldurRow Partial(WaldurRow row) =>
        new(row.Shape, [.. Enumerable.Range(0, row.Shape.Fields.Count).Select(i => row[i])], isComplete: false);

    private bool Knows(string typeName, int i) => _loaders.ByUuid(typeName).TryGetKnown(Uuid(i), out _);

    [Fact]
    public void A_loader_per_type_made_once()
    {
        Assert.Same(_loaders.ByUuid("DigitalOceanImage"), _loaders.ByUuid("DigitalOceanImage"));
        Assert.NotSame(_loaders.ByUuid("DigitalOceanImage"), _loaders.ByUuid("DigitalOceanRegion"));
    }

    [Fact]
    public void Complete_rows_prime_themselves_and_their_nested_rows()
    {
        _loaders.Prime([Image(1, 5, 6), Image(2)]);
        Assert.True(Knows("DigitalOceanImage", 1));
        Assert.True(Knows("DigitalOceanImage", 2));
        Assert.True(Knows("DigitalOceanRegion", 1005));
        Assert.True(Knows("DigitalOceanRegion", 1006));
        Assert.False(Knows("DigitalOceanRegion", 1007));
        Assert.True(_loaders.ByUuid("DigitalOceanImage").TryGetKnown(Uuid(1), out var known));
        Assert.Equal("Image 1", known!["name"]);
    }

    [Fact]
    public void Rows_of_several_types_in_one_call_each_reach_their_own_loader()
    {
        _loaders.Prime([Image(1, 5), Region(7), Image(2, 5, 6), Region(8)]);

        Assert.All((int[])[1, 2], i => Assert.True(Knows("DigitalOceanImage", i)));
        Assert.All((int[])[1005, 1006, 1007, 1008], i => Assert.True(Knows("DigitalOceanRegion", i)));
        Assert.False(Knows("DigitalOceanImage", 1007));
        Assert.False(Knows("DigitalOceanRegion", 1));
    }

    [Fact]
    public void A_nested_row_shared_by_rows_of_one_body_is_primed_with_its_own_nested_rows()
    {
        var shared = Image(3, 9);
        var first = Image(1);
        var second = Image(2);
        // Two images holding the same region object, as RowReader shares a repeated object.
        var regions = first.Shape.Fields.Single(f => f.Name == "regions").Index;
        var region = ((IReadOnlyList<WaldurRow>)shared[regions]!)[0];
        var withShared = (WaldurRow image) => new WaldurRow(image.Shape,
            [.. Enumerable.Range(0, image.Shape.Fields.Count).Select(i => i == regions ? new List<WaldurRow> { region } : image[i])]);

        _loaders.Prime([withShared(first), withShared(second)]);

        Assert.True(Knows("DigitalOceanRegion", 1009));
        Assert.True(Knows("DigitalOceanImage", 2));
    }

    [Fact]
    public void Partial_rows_are_not_primed_but_their_nested_rows_are()
    {
        _loaders.Prime([Partial(Image(1, 5))]);
        Assert.False(Knows("DigitalOceanImage", 1));
        Assert.True(Knows("DigitalOceanRegion", 1005));
    }

    [Fact]
    public void A_single_nested_object_is_primed()
    {
        var descriptor = WaldurCatalog.Reviewed["DigitalOceanImage"];
        descriptor = descriptor with { Fields = [.. descriptor.Fields, new FieldDescriptor("home", "home", ValueKind.Object, true, "", ObjectType: "DigitalOceanRegion")] };
        var shapes = new RowShapes(new ResourceCatalog([descriptor, WaldurCatalog.Reviewed["DigitalOceanRegion"]]));
        var imageShape = shapes["DigitalOceanImage"];
        var regionShape = shapes["DigitalOceanRegion"];
        var region = new WaldurRow(regionShape, [.. regionShape.Fields.Select(f => f.Name switch { "uuid" => Uuid(1009), "name" => "Home", _ => (object?)null })]);
        var image = new WaldurRow(imageShape, [.. imageShape.Fields.Select(f => f.Name switch { "uuid" => Uuid(9), "home" => region, "regions" => new List<WaldurRow>(), _ => (object?)null })]);
        _loaders.Prime([image]);
        Assert.True(Knows("DigitalOceanImage", 9));
        Assert.True(Knows("DigitalOceanRegion", 1009));
    }

    [Fact]
    public void Rows_of_a_type_outside_the_catalog_are_skipped_with_their_nested_rows()
    {
        var ghost = WaldurCatalog.Reviewed["DigitalOceanImage"] with { TypeName = "Ghost" };
        var shapes = new RowShapes(new ResourceCatalog([ghost, WaldurCatalog.Reviewed["DigitalOceanRegion"]]));
        var regionShape = shapes["DigitalOceanRegion"];
        var region = new WaldurRow(regionShape, [.. regionShape.Fields.Select(f => f.Name == "uuid" ? Uuid(1003) : null)]);
        var ghostShape = shapes["Ghost"];
        var row = new WaldurRow(ghostShape, [.. ghostShape.Fields.Select(f => f.Name switch { "uuid" => Uuid(3), "regions" => new List<WaldurRow> { region }, _ => (object?)null })]);
        _loaders.Prime([row]);
        Assert.False(Knows("DigitalOceanRegion", 1003));
    }

    [Fact]
    public void Children_loaders_are_shared_per_source_link_and_filters()
    {
        var source = TestCatalog.Resources["Project"];
        var link = source.Pushdown.First(r => r.Field == "customerUuid" && r.Operation == "in");
        SortedDictionary<string, StringValues> Filters(string? name)
        {
            var filters = WaldurListQuery.NoFilters();
            if (name is not null)
            {
                filters["name"] = name;
            }

            return filters;
        }

        ChildBatch Batch(PushdownRule rule, string? name, params PushdownRule[] ancestors) => new(rule, ancestors, Filters(name));
        var a = _loaders.Children(source, Batch(link, "x"));
        Assert.Same(a, _loaders.Children(source, Batch(link, "x")));
        Assert.NotSame(a, _loaders.Children(source, Batch(link, "y")));
        Assert.NotSame(a, _loaders.Children(source, Batch(link, null)));
        Assert.NotSame(a, _loaders.Children(source, Batch(link with { Parameter = "other" }, "x")));
        Assert.NotSame(a, _loaders.Children(source, Batch(link, "x", link with { Parameter = "ancestor" })));
        Assert.Throws<ArgumentNullException>(() => _loaders.Children(null!, Batch(link, null)));
        Assert.Throws<ArgumentNullException>(() => _loaders.Children(source, null!));
    }

    [Fact]
    public async Task A_batch_descriptor_reads_keys_with_its_csv_parameter_in_chunks()
    {
        var offerings = Enumerable.Range(1, 150).Select(OfferingRow).ToList();
        _client.List = q =>
        {
            var wanted = q.Filters["uuid_list"].ToString().Split(',');
            return ScriptedWaldurClient.Serve(offerings.Where(o => wanted.Contains(o.Uuid)).ToList(), q);
        };
        var keys = Enumerable.Range(1, 160).Select(Uuid).ToList();
        var results = await _loaders.ByUuid(Offering).LoadMany(keys).GetResultAsync();
        Assert.Equal(keys.Select(k => offerings.Any(o => o.Uuid == k) ? k : null), results.Select(r => r?.Uuid));
        Assert.Equal(2, _client.Requests);
        Assert.Contains(_client.Log, l => l.StartsWith($"GET uuid_list={Uuid(1)}%2C{Uuid(2)}%2C", StringComparison.Ordinal));
        Assert.All(_client.Log, l => Assert.DoesNotContain("uuid_list=", l[20..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_repeated_batch_parameter_repeats_the_keys()
    {
        var catalog = new ResourceCatalog([.. WaldurCatalog.Reviewed.Resources.Select(r =>
            r.TypeName == Offering ? r with { Batch = new BatchDescriptor("uuid", FilterLookup.RepeatedMulti) } : r)]);
        using var test = new ResourceLoadersLoadingTests(new ListResources(catalog, new RowShapes(catalog)), 8);
        test._client.List = q => ScriptedWaldurClient.Serve([.. q.Filters["uuid"].Select(u => OfferingRow(Convert.ToInt32(u, 16)))], q);
        var results = await test._loaders.ByUuid(Offering).LoadMany([Uuid(1), Uuid(2)]).GetResultAsync();
        Assert.Equal([Uuid(1), Uuid(2)], results.Select(r => r!.Uuid));
        Assert.Equal([$"GET uuid={Uuid(1)}&uuid={Uuid(2)}&page=1&page_size=300"], test._client.Log);
    }

    [Fact]
    public async Task A_scan_already_made_answers_without_a_request()
    {
        await _cache.ScanAsync(TestCatalog.Images.Endpoint, WaldurListQuery.Unfiltered(), () => Task.FromResult(new ScanResult([Image(1), Image(2)], new Dictionary<string, int>())));
        var results = await _loaders.ByUuid("DigitalOceanImage").LoadMany([Uuid(2), Uuid(3)]).GetResultAsync();
        Assert.Equal([Uuid(2), null], results.Select(r => r?.Uuid));
        Assert.Empty(_client.Log);
    }

    [Fact]
    public async Task Scan_for_lookups_reads_the_whole_list_once()
    {
        var regions = Enumerable.Range(1, 5).Select(Region).ToList();
        _client.List = q => ScriptedWaldurClient.Serve(regions, q);
        var results = await _loaders.ByUuid("DigitalOceanRegion").LoadMany([Uuid(1002), Uuid(1999)]).GetResultAsync();
        Assert.Equal([Uuid(1002), null], results.Select(r => r?.Uuid));
        Assert.Equal(["GET page=1&page_size=300"], _client.Log);
    }

    [Fact]
    public async Task Few_keys_are_fetched_one_by_one_and_prime_their_nested_rows()
    {
        _client.Retrieve = uuid => uuid == Uuid(1) ? Image(1, 7) : null;
        var results = await _loaders.ByUuid("DigitalOceanImage").LoadMany([Uuid(1), Uuid(2)]).GetResultAsync();
        Assert.Equal([Uuid(1), null], results.Select(r => r?.Uuid));
        Assert.Equal([$"GET {Uuid(1)}", $"GET {Uuid(2)}"], _client.Log.Order());
        Assert.True(Knows("DigitalOceanRegion", 1007));
    }

    [Fact]
    public async Task By_uuid_gets_and_list_pages_share_the_requests_call_budget()
    {
        using var test = new ResourceLoadersLoadingTests(TestCatalog.Resources, byUuidConcurrency: 2, maxCalls: 4);
        test._client.Retrieve = uuid => Image(Convert.ToInt32(uuid, 16));
        test._client.List = q => ScriptedWaldurClient.Serve([Image(9)], q);
        test._cache.SetCount(TestCatalog.Images.Endpoint, WaldurListQuery.Unfiltered(), 10_000);

        var filters = WaldurListQuery.NoFilters();
        filters["name"] = "Image 9";
        await test._fetcher.PageAsync(TestCatalog.Images, new WaldurListQuery(filters, null, 1, 10), default);
        var error = await Assert.ThrowsAsync<GatewayException>(() =>
            test._loaders.ByUuid("DigitalOceanImage").LoadMany([.. Enumerable.Range(1, 5).Select(Uuid)]).GetResultAsync());

        Assert.Equal(ErrorCodes.WaldurCallsExceeded, error.Code);
        Assert.Equal(4, test._client.Requests);
    }

    [Fact]
    public async Task Gets_stay_within_by_uuid_concurrency()
    {
        using var test = new ResourceLoadersLoadingTests(TestCatalog.Resources, byUuidConcurrency: 2);
        test._client.Retrieve = uuid => Image(Convert.ToInt32(uuid, 16));
        test._client.Delay = TimeSpan.FromMilliseconds(25);
        test._cache.SetCount(TestCatalog.Images.Endpoint, WaldurListQuery.Unfiltered(), 10_000);
        var keys = Enumerable.Range(1, 6).Select(Uuid).ToList();
        var results = await test._loaders.ByUuid("DigitalOceanImage").LoadMany(keys).GetResultAsync();
        Assert.Equal(keys, results.Select(r => r!.Uuid));
        Assert.Equal(6, test._client.Requests);
        Assert.InRange(test._client.MaxInFlight, 1, 2);
    }

    [Fact]
    public async Task Unknown_total_reads_page_one_first_and_takes_its_keys()
    {
        var images = Enumerable.Range(1, 20).Select(i => Image(i)).ToList();
        _client.List = q => ScriptedWaldurClient.Serve(images, q);
        var keys = Enumerable.Range(1, 6).Select(Uuid).Append(Uuid(99)).ToList();
        var results = await _loaders.ByUuid("DigitalOceanImage").LoadMany(keys).GetResultAsync();
        Assert.Equal(keys.Select(k => k == Uuid(99) ? null : k), results.Select(r => r?.Uuid));
        Assert.Equal(["GET page=1&page_size=300"], _client.Log);
    }

    [Fact]
    public async Task A_complete_scan_answers_absent_keys_without_gets()
    {
        var images = Enumerable.Range(1, 600).Select(i => Image(i)).ToList();
        _client.List = q => ScriptedWaldurClient.Serve(images, q);
        _cache.SetCount(TestCatalog.Images.Endpoint, WaldurListQuery.Unfiltered(), 600);
        var results = await _loaders.ByUuid("DigitalOceanImage").LoadMany([Uuid(5), Uuid(450), Uuid(700)]).GetResultAsync();
        Assert.Equal([Uuid(5), Uuid(450), null], results.Select(r => r?.Uuid));
        Assert.Equal(["GET page=1&page_size=300", "GET page=2&page_size=300"], _client.Log.Order());
    }

    [Fact]
    public async Task A_scan_that_skipped_a_row_asks_for_the_missing_keys_by_uuid()
    {
        var images = Enumerable.Range(1, 600).Select(i => Image(i)).ToList();
        // Page 2 repeats image 300 and so lacks image 301 (ties, U16).
        _client.List = q => q.Page == 1
            ? ScriptedWaldurClient.Serve(images, q)
            : new WaldurPage([images[299], .. images.Skip(301)], 600, 2, 300);
        _client.Retrieve = uuid => images.FirstOrDefault(i => i.Uuid == uuid);
        _cache.SetCount(TestCatalog.Images.Endpoint, WaldurListQuery.Unfiltered(), 600);
        var results = await _loaders.ByUuid("DigitalOceanImage").LoadMany([Uuid(5), Uuid(301), Uuid(700)]).GetResultAsync();
        Assert.Equal([Uuid(5), Uuid(301), null], results.Select(r => r?.Uuid));
        Assert.Equal(["GET page=1&page_size=300", "GET page=2&page_size=300"], _client.Log.Take(2).Order());
        Assert.Equal([$"GET {Uuid(301)}", $"GET {Uuid(700)}"], _client.Log.Skip(2).Order());
    }
}
