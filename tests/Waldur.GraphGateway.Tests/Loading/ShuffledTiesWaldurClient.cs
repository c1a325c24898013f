using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Tests.Loading;

/// <summary>
/// An in-memory Waldur that follows U9–U11 and U15–U19 adversarially: every request orders rows that tie on the
/// requested keys (name by default; the <c>o</c> keys otherwise, U16) in a fresh random order, as a database may.
/// A bad <c>o</c> fails the test (Waldur would answer 400). Counts its requests.
/// </summary>
internal sealed class ShuffledTiesWaldurClient(IReadOnlyList<TestImage> images, int seed) : IWaldurClient
{
    private readonly Random _random = new(seed);
    private readonly Dictionary<TestImage, WaldurRow> _rows = images.Distinct().ToDictionary(i => i, i => i.ToRow());
    private int _requests;

    public int Requests => _requests;

    public List<string> Log { get; } = [];

    public Task<WaldurPage> ListAsync(WaldurEndpoint endpoint, WaldurListQuery query, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        lock (Log)
        {
            Log.Add("GET " + query.ToQueryString());
        }

        List<TestImage> rows;
        lock (_random)
        {
            rows = Order(Filter(query).Select(i => (Image: i, Shuffle: _random.Next())), query.Ordering)
                .ThenBy(x => x.Shuffle).Select(x => x.Image).ToList();
        }

        var size = Math.Min(query.PageSize, WaldurListQuery.MaxPageSize);
        var lastPage = Math.Max(1, (rows.Count + size - 1) / size);
        var page = query.LastPage ? lastPage : query.Page;
        if (page < 1 || page > lastPage)
        {
            throw new WaldurInvalidPageException();
        }

        var items = rows.Skip((page - 1) * size).Take(size).Select(i => _rows[i]).ToList();
        return Task.FromResult(new WaldurPage(items, rows.Count, page, size));
    }

    public Task<WaldurRow?> RetrieveAsync(WaldurEndpoint endpoint, string uuid, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    /// <summary>The planner reads only: a write here is a test's mistake.</summary>
    public Task<WaldurWriteResult> WriteAsync(HttpMethod method, string relativeUrl, byte[]? body, CancellationToken cancellationToken) =>
        throw new NotSupportedException("This scripted Waldur serves reads only.");

    public Task<int> CountAsync(WaldurEndpoint endpoint, WaldurListQuery query, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        lock (Log)
        {
            Log.Add("HEAD " + query.ToQueryString(includePaging: false));
        }

        return Task.FromResult(Filter(query).Count());
    }

    private static IOrderedEnumerable<(TestImage Image, int Shuffle)> Order(
        IEnumerable<(TestImage Image, int Shuffle)> rows, string? ordering)
    {
        var keys = (ordering ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (keys.Length == 0)
        {
            return rows.OrderBy(x => x.Image.Name, StringComparer.Ordinal);
        }

        IOrderedEnumerable<(TestImage Image, int Shuffle)>? sorted = null;
        foreach (var key in keys)
        {
            Func<(TestImage Image, int Shuffle), string> get = key.TrimStart('-') switch
            {
                "distribution" when key.Length <= "-distribution".Length => x => x.Image.Distribution,
                "type" when key.Length <= "-type".Length => x => x.Image.Type,
                _ => throw new InvalidOperationException($"o={ordering}: {key} is not one of the available choices (U15)"),
            };
            var descending = key[0] == '-';
            sorted = sorted is null
                ? descending ? rows.OrderByDescending(get, StringComparer.Ordinal) : rows.OrderBy(get, StringComparer.Ordinal)
                : descending ? sorted.ThenByDescending(get, StringComparer.Ordinal) : sorted.ThenBy(get, StringComparer.Ordinal);
        }

        return sorted!;
    }

    // django-filter strips text input and ignores what is left empty (U11).
    private IEnumerable<TestImage> Filter(WaldurListQuery query) => images.Where(i => query.Filters.All(p => p.Value.ToString().Trim() is var v
        && (v.Length == 0 || p.Key switch
        {
            "name" => i.Name.Contains(v, StringComparison.OrdinalIgnoreCase),
            "name_exact" => i.Name == v,
            "distribution" => i.Distribution == v,
            "type" => i.Type == v,
            _ => true,
        })));
}
