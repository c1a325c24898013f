using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Tests.Loading;

/// <summary>
/// An in-memory Waldur that follows U9–U11 and U15–U19 adversarially: every request orders rows that tie on the
/// requested keys (name by default; the <c>o</c> keys otherwise, U16) in a fresh random order, as a database may.
/// A bad <c>o</c> fails the test (Waldur would answer 400). Counts its requests.
/// </summary>
internal sealed class ShuffledTiesWaldurClient(IReadOnlyList<DigitalOceanImageDto> images, int seed) : IWaldurClient
{
    private readonly Random _random = new(seed);
    private int _requests;

    public int Requests => _requests;

    public List<string> Log { get; } = [];

    public Task<WaldurPage<T>> ListAsync<T>(WaldurEndpoint<T> endpoint, WaldurListQuery query, CancellationToken cancellationToken)
        where T : class
    {
        Interlocked.Increment(ref _requests);
        lock (Log)
        {
            Log.Add("GET " + query.ToQueryString());
        }

        List<DigitalOceanImageDto> rows;
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

        var items = rows.Skip((page - 1) * size).Take(size).Cast<T>().ToList();
        var next = page < lastPage ? new Uri("http://h/next") : null;
        return Task.FromResult(new WaldurPage<T>(items, rows.Count, new WaldurLinks(null, null, next, null), page, size));
    }

    public Task<T?> RetrieveAsync<T>(WaldurEndpoint<T> endpoint, string uuid, CancellationToken cancellationToken)
        where T : class => throw new NotSupportedException();

    public Task<int> CountAsync<T>(WaldurEndpoint<T> endpoint, WaldurListQuery query, CancellationToken cancellationToken)
        where T : class
    {
        Interlocked.Increment(ref _requests);
        lock (Log)
        {
            Log.Add("HEAD " + query.ToQueryString(includePaging: false));
        }

        return Task.FromResult(Filter(query).Count());
    }

    private static IOrderedEnumerable<(DigitalOceanImageDto Image, int Shuffle)> Order(
        IEnumerable<(DigitalOceanImageDto Image, int Shuffle)> rows, string? ordering)
    {
        var keys = (ordering ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (keys.Length == 0)
        {
            return rows.OrderBy(x => x.Image.Name, StringComparer.Ordinal);
        }

        IOrderedEnumerable<(DigitalOceanImageDto Image, int Shuffle)>? sorted = null;
        foreach (var key in keys)
        {
            Func<(DigitalOceanImageDto Image, int Shuffle), string> get = key.TrimStart('-') switch
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
    private IEnumerable<DigitalOceanImageDto> Filter(WaldurListQuery query) => images.Where(i => query.Filters.All(p => p.Value.Trim() is var v
        && (v.Length == 0 || p.Key switch
        {
            "name" => i.Name.Contains(v, StringComparison.OrdinalIgnoreCase),
            "name_exact" => i.Name == v,
            "distribution" => i.Distribution == v,
            "type" => i.Type == v,
            _ => true,
        })));
}
