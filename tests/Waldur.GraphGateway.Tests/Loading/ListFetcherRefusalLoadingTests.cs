using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Waldur.Catalog.Model;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.WaldurApi;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading;

/// <summary>
/// A 400 from Waldur naming the form of a pushed parameter (U27): an <c>o</c> key, several values where it takes one, or a
/// Boolean filter. The fetcher remembers that form as not honoured and raises the re-plan error; any other 400 stays Waldur's.
/// </summary>
public sealed class ListFetcherRefusalLoadingTests : IDisposable
{
    private const string Refusal = "Enter a valid UUID.";

    private readonly ScriptedWaldurClient _client = new();
    private readonly IgnoredFilters _ignored = new(NullLogger<IgnoredFilters>.Instance);
    private readonly ListFetcher _fetcher;

    public ListFetcherRefusalLoadingTests()
    {
        _fetcher = new ListFetcher(_client, new ListRequestCache(), [], Options.Create(new ListOptions()), ignored: _ignored);
    }

    public void Dispose() => _fetcher.Dispose();

    private static ListResource Resources => TestCatalog.Resources["MarketplaceResource"];

    private static WaldurListQuery Query(string? ordering, params (string Parameter, StringValues Value)[] filters)
    {
        var all = WaldurListQuery.NoFilters();
        foreach (var (parameter, value) in filters)
        {
            all[parameter] = value;
        }

        return new WaldurListQuery(all, ordering, 1, 300);
    }

    /// <summary>Waldur answering every list and count with a 400 about <paramref name="fields"/>.</summary>
    private void Refuse(params string[] fields)
    {
        _client.List = _ => throw new WaldurBadRequestException(Refusal, fields);
        _client.Count = _ => throw new WaldurBadRequestException(Refusal, fields);
    }

    [Fact]
    public async Task A_refused_o_marks_every_key_of_the_ordering_as_not_sorted()
    {
        Refuse("o");
        var error = await Assert.ThrowsAsync<WaldurFilterIgnoredException>(() =>
            _fetcher.PageAsync(TestCatalog.Images, Query("-type,distribution"), default));

        Assert.Equal("o", error.Parameter);
        Assert.Contains($"({Refusal})", error.Message, StringComparison.Ordinal);
        Assert.False(_ignored.Sorts(TestCatalog.Images, "type"));
        Assert.False(_ignored.Sorts(TestCatalog.Images, "distribution"));
        Assert.True(_ignored.Sorts(TestCatalog.Images, "name"));
        Assert.Same(TestCatalog.Images.Pushdown, _ignored.Honoured(TestCatalog.Images));
    }

    [Fact]
    public async Task A_comma_separated_value_refused_marks_only_the_multi_value_form()
    {
        Refuse("offering_uuid");
        var error = await Assert.ThrowsAsync<WaldurFilterIgnoredException>(() =>
            _fetcher.CountAsync(Resources, Query(null, ("offering_uuid", "aa000000000000000000000000000001,aa000000000000000000000000000002")), default));

        Assert.Equal("offering_uuid", error.Parameter);
        var honoured = _ignored.Honoured(Resources);
        Assert.Contains(honoured, r => r is { Parameter: "offering_uuid", Lookup: FilterLookup.Exact });
        Assert.DoesNotContain(honoured, r => r is { Parameter: "offering_uuid", Lookup: FilterLookup.CsvMulti });
    }

    [Fact]
    public async Task Repeated_values_refused_mark_the_multi_value_form()
    {
        Refuse("state");
        var error = await Assert.ThrowsAsync<WaldurFilterIgnoredException>(() =>
            _fetcher.PageAsync(Resources, Query(null, ("state", new StringValues(["OK", "Erred"]))), default));

        Assert.Equal("state", error.Parameter);
        Assert.DoesNotContain(_ignored.Honoured(Resources), r => r.Parameter == "state");
        Assert.Contains(_ignored.Honoured(Resources), r => r.Parameter == "offering_uuid");
    }

    [Fact]
    public async Task A_boolean_filter_refused_for_one_value_is_not_honoured_at_all()
    {
        // 7.0.7 declares offering_billable as a uuid filter: it refuses `true` and `false` alike.
        Refuse("offering_billable");
        var error = await Assert.ThrowsAsync<WaldurFilterIgnoredException>(() =>
            _fetcher.PageAsync(Resources, Query(null, ("offering_billable", "true")), default));

        Assert.Equal("offering_billable", error.Parameter);
        Assert.DoesNotContain(_ignored.Honoured(Resources), r => r.Parameter == "offering_billable");
        Assert.Contains(_ignored.Honoured(Resources), r => r.Parameter == "offering_shared");
    }

    [Fact]
    public async Task A_refused_single_free_value_stays_waldurs_refusal_and_is_not_remembered()
    {
        // One odd name must not make every later request scan; an ordering in the same request changes nothing.
        Refuse("offering_uuid");
        await Assert.ThrowsAsync<WaldurBadRequestException>(() =>
            _fetcher.PageAsync(Resources, Query("name", ("offering_uuid", "not-a-uuid")), default));

        Assert.Same(Resources.Pushdown, _ignored.Honoured(Resources));
        Assert.True(_ignored.Sorts(Resources, "name"));
    }

    [Fact]
    public async Task A_refused_o_without_an_ordering_sent_stays_waldurs_refusal()
    {
        Refuse("o");
        await Assert.ThrowsAsync<WaldurBadRequestException>(() => _fetcher.PageAsync(TestCatalog.Images, Query(null), default));
        Assert.True(_ignored.Sorts(TestCatalog.Images, "type"));
    }

    [Fact]
    public async Task Without_anyone_tracking_ignored_parameters_a_refusal_stays_waldurs()
    {
        Refuse("offering_billable");
        using var untracked = new ListFetcher(_client, new ListRequestCache(), [], Options.Create(new ListOptions()));
        var error = await Assert.ThrowsAsync<WaldurBadRequestException>(() =>
            untracked.PageAsync(Resources, Query(null, ("offering_billable", "true")), default));
        Assert.Equal(Refusal, error.Message);
    }
}
