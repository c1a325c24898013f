using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Waldur.Catalog.Model;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.Loading.Paging;
using Waldur.GraphGateway.Telemetry;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading;

/// <summary>
/// The request's only way to read Waldur (scoped): list pages, counts, scans (through <see cref="ResidualScanner"/>) and
/// by-uuid GETs. It owns the request's cache (<see cref="ListRequestCache"/>, read by nobody else), the
/// <see cref="WaldurCallBudget"/> and the <see cref="ListOptions.MaxConcurrentRequests"/> limit, and hands every row that
/// arrives to the <see cref="IResourcePrimer"/>s (the <see cref="RowsReadFeed"/>).
/// </summary>
internal sealed class ListFetcher(IWaldurClient client, ListRequestCache cache, IEnumerable<IResourcePrimer> primers, IOptions<ListOptions> options,
    WaldurCallBudget? budget = null, IgnoredFilters? ignored = null)
    : IDisposable
{
    private readonly SemaphoreSlim _inFlight = new(options.Value.MaxConcurrentRequests);

    /// <summary>What this Waldur was seen to ignore; null where nobody tracks it (unit tests of the planner alone).</summary>
    public IgnoredFilters? Ignored => ignored;

    /// <summary>The parameters the planner may push down for <paramref name="resource"/>: its rules less those this Waldur ignores.</summary>
    public IReadOnlyList<PushdownRule> Pushdown(ListResource resource) => ignored?.Honoured(resource) ?? resource.Pushdown;

    public void Dispose() => _inFlight.Dispose();

    /// <summary>Whether a scan for these filters already started in this request: windows and counts then read it for free.</summary>
    public bool HasScan(ListResource resource, WaldurListQuery query) => FindScan(resource, query) is not null;

    /// <summary>The scan for these filters this request already started (or finished), if any.</summary>
    public Task<ScanResult>? FindScan(ListResource resource, WaldurListQuery query) => cache.FindScan(resource.Endpoint, query);

    /// <summary>The request's one scan for these filters: the first caller's <paramref name="read"/> runs, the others await it.</summary>
    public Task<ScanResult> SharedScanAsync(ListResource resource, WaldurListQuery query, Func<Task<ScanResult>> read) =>
        cache.ScanAsync(resource.Endpoint, query, read);

    /// <summary>
    /// One <c>GET …/{uuid}/</c> (null: no such row, or not the caller's to see). The row primes the loaders like a listed
    /// one: its nested rows (an image's regions) fill other caches; a loader never overwrites a key it is fetching.
    /// </summary>
    public async Task<WaldurRow?> RetrieveAsync(ListResource resource, string uuid, CancellationToken cancellationToken)
    {
        var row = await BoundedAsync(() => client.RetrieveAsync(resource.Endpoint, uuid, cancellationToken), cancellationToken);
        if (row is not null)
        {
            Prime([row]);
        }

        return row;
    }

    /// <summary>The total for these filters if any response of this request told it, without asking Waldur.</summary>
    public int? KnownCount(ListResource resource, WaldurListQuery query) => cache.TryGetCount(resource.Endpoint, query, out var known) ? known : null;

    public Task<WaldurPage> PageAsync(ListResource resource, WaldurListQuery query, CancellationToken cancellationToken) =>
        cache.PageAsync(resource.Endpoint, query, async () =>
        {
            var page = await RefusalsAsNotHonoured(resource, query, () => BoundedAsync(() => client.ListAsync(resource.Endpoint, query, cancellationToken), cancellationToken));
            if (ignored is not null && PushdownCheck.FirstIgnored(resource, query, page.Items) is { } parameter)
            {
                // Waldur returned rows the parameter excludes: it ignored it. Never answer from them.
                ignored.Mark(resource, parameter);
                throw PushdownCheck.Ignored(resource, parameter);
            }

            Prime(page.Items);
            return page;
        });

    private void Prime(IReadOnlyList<WaldurRow> rows)
    {
        foreach (var primer in primers)
        {
            primer.Prime(rows);
        }
    }

    /// <summary>
    /// A 400 naming the form of something pushed down means this Waldur does not take that form (U27): an <c>o</c> key
    /// (<c>{"o": ["Select a valid choice. …"]}</c>, it cannot sort by it) or several values where it takes one
    /// (<c>{"offering_uuid": ["Enter a valid UUID."]}</c> for <c>u1,u2</c>), or a Boolean filter refused whatever its value
    /// (7.0.7's <c>marketplace/filters.py ResourceFilter.offering_billable = UUIDFilter</c>: "Enter a valid UUID." for
    /// <c>true</c>; the gateway only ever sends <c>true</c>/<c>false</c>, so no value is odd). Remembered as not honoured,
    /// and the planner plans again without it. A 400 about one free value (a NUL in a name) stays Waldur's refusal of that
    /// request: remembering it would let one odd request make every later one scan.
    /// </summary>
    private async Task<T> RefusalsAsNotHonoured<T>(ListResource resource, WaldurListQuery query, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (WaldurBadRequestException refused) when (ignored is not null && RefusedForm(resource, query, refused) is { } parameter)
        {
            if (parameter == "o")
            {
                foreach (var key in query.Ordering!.Split(','))
                {
                    ignored.Mark(resource, IgnoredFilters.OrderingParameter(key.TrimStart('-')));
                }
            }
            else if (IsBoolean(resource, parameter))
            {
                ignored.Mark(resource, parameter);
            }
            else
            {
                // Only the multi-value form: `eq` on the parameter still goes down.
                ignored.Mark(resource, IgnoredFilters.MultiValueParameter(parameter));
            }

            throw PushdownCheck.Ignored(resource, parameter, refused.Message);
        }
    }

    private static string? RefusedForm(ListResource resource, WaldurListQuery query, WaldurBadRequestException refused) =>
        refused.Fields.FirstOrDefault(f => (f == "o" && !string.IsNullOrEmpty(query.Ordering))
                                           || (query.Filters.TryGetValue(f, out var values)
                                               && (values.Count > 1 || values.ToString().Contains(',', StringComparison.Ordinal) || IsBoolean(resource, f))));

    private static bool IsBoolean(ListResource resource, string parameter) =>
        resource.Descriptor.Filters.Any(f => f.Parameter == parameter && f.Lookup == FilterLookup.Boolean);

    /// <summary>The total for these filters: known from any earlier response or scan of the request, else one HEAD (U19a).</summary>
    public async Task<int> CountAsync(ListResource resource, WaldurListQuery query, CancellationToken cancellationToken)
    {
        if (cache.TryGetCount(resource.Endpoint, query, out var known))
        {
            return known;
        }

        if (cache.FindScan(resource.Endpoint, query) is { } scan)
        {
            return (await scan).Rows.Count;
        }

        var count = await RefusalsAsNotHonoured(resource, query, () => BoundedAsync(() => client.CountAsync(resource.Endpoint, query, cancellationToken), cancellationToken));
        cache.SetCount(resource.Endpoint, query, count);
        return count;
    }

    /// <summary>Rows covering positions [start, end) (or fewer at the end), in as few requests as <see cref="PageChooser"/> finds.</summary>
    public async Task<RowRange> RangeAsync(ListResource resource, WaldurListQuery query, int start, int end, CancellationToken cancellationToken,
        int wantedMargin = int.MaxValue)
    {
        var choice = PageChooser.Choose(start, end, wantedMargin);
        GatewayTelemetry.RecordWindow(choice.PageCount, choice.PageSize);
        try
        {
            var pages = await Task.WhenAll(Enumerable.Range(choice.FirstPage, choice.PageCount)
                .Select(p => PageAsync(resource, query.WithPage(p, choice.PageSize), cancellationToken)));
            return Join(pages);
        }
        catch (WaldurInvalidPageException)
        {
            // The range starts past the end (U18): only the count is left to learn.
            var total = await CountAsync(resource, query, cancellationToken);
            return start >= total ? new RowRange(total, [], total) : throw Inconsistent();
        }
    }

    /// <summary>The last rows (U18 <c>page=last</c>), with at least <paramref name="rows"/> of them when that many exist.</summary>
    public async Task<RowRange> TailAsync(ListResource resource, WaldurListQuery query, int rows, CancellationToken cancellationToken)
    {
        const int size = WaldurListQuery.MaxPageSize;
        var last = await PageAsync(resource, query with { Page = 0, PageSize = size, LastPage = true }, cancellationToken);
        if (last.Items.Count >= rows || last.Page == 1)
        {
            return Join([last]);
        }

        var previous = await PageAsync(resource, query.WithPage(last.Page - 1, size), cancellationToken);
        return Join([previous, last]);
    }

    /// <summary>
    /// Every row whose default-order key is <paramref name="key"/> (a run of ties), via the exact-match parameter, or
    /// null when Waldur cannot select it exactly (no such parameter; empty or padded values are ignored or stripped, U11).
    /// </summary>
    public Task<IReadOnlyList<WaldurRow>?> GroupAsync(ListResource resource, WaldurListQuery query, string key, CancellationToken cancellationToken)
    {
        if (resource.DefaultOrderExactParameter is not { } parameter || key.Length == 0 || key.Trim().Length != key.Length
            || (query.Filters.TryGetValue(parameter, out var pinned) && pinned != key))
        {
            return Task.FromResult<IReadOnlyList<WaldurRow>?>(null);
        }

        var filters = new SortedDictionary<string, StringValues>(query.Filters, StringComparer.Ordinal) { [parameter] = key };
        return RunAsync(resource, filters, cancellationToken);
    }

    /// <summary>
    /// Every row matching <paramref name="filters"/>: exact filters that select one run of rows tied on every column
    /// Waldur sorts by, so pages of it can only be joined by uuid.
    /// </summary>
    public async Task<IReadOnlyList<WaldurRow>?> RunAsync(ListResource resource, SortedDictionary<string, StringValues> filters, CancellationToken cancellationToken)
    {
        var groupQuery = new WaldurListQuery(filters, null, 1, WaldurListQuery.MaxPageSize);
        var first = await PageAsync(resource, groupQuery, cancellationToken);

        var pages = new List<WaldurPage> { first };
        var pageCount = (first.TotalCount + WaldurListQuery.MaxPageSize - 1) / WaldurListQuery.MaxPageSize;
        if (pageCount > 1)
        {
            pages.AddRange(await Task.WhenAll(Enumerable.Range(2, pageCount - 1)
                .Select(p => PageAsync(resource, groupQuery.WithPage(p, WaldurListQuery.MaxPageSize), cancellationToken))));
        }

        // All rows of a group tie, so pages of it may overlap or miss rows (U16): keep it only when it adds up.
        var rows = pages.SelectMany(p => p.Items).DistinctBy(r => r.Uuid).ToList();
        return rows.Count == first.TotalCount ? rows : throw Inconsistent();
    }

    private static RowRange Join(WaldurPage[] pages)
    {
        if (pages.Any(p => p.TotalCount != pages[0].TotalCount))
        {
            throw Inconsistent();
        }

        return new RowRange(pages[0].FirstPosition, pages.SelectMany(p => p.Items).ToList(), pages[0].TotalCount);
    }

    /// <summary>
    /// One Waldur call within the request's <see cref="ListOptions.MaxConcurrentRequests"/> (never nested, so never a
    /// deadlock) and its <see cref="WaldurCallBudget"/>.
    /// </summary>
    private async Task<T> BoundedAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        budget?.Take();
        await _inFlight.WaitAsync(cancellationToken);
        try
        {
            return await call();
        }
        finally
        {
            _inFlight.Release();
        }
    }

    public static GatewayException Inconsistent() => new(ErrorCodes.UpstreamInconsistent,
        "Waldur's rows changed while the gateway was reading them (counts or pages disagree); retry the query.");
}
