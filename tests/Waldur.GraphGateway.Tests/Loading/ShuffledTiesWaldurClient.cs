using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Tests.Loading;

/// <summary>
/// An in-memory Waldur that follows U9–U11 and U16–U19 adversarially: every request orders tied names in a fresh
/// random order, as a database may. Counts its requests.
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
            rows = Filter(query).Select(i => (Image: i, Shuffle: _random.Next())).OrderBy(x => x.Image.Name, StringComparer.Ordinal)
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

    private IEnumerable<DigitalOceanImageDto> Filter(WaldurListQuery query) => images.Where(i => query.Filters.All(p => p.Value.Length == 0 || p.Key switch
    {
        "name" => i.Name.Contains(p.Value, StringComparison.OrdinalIgnoreCase),
        "name_exact" => i.Name == p.Value,
        "distribution" => i.Distribution == p.Value,
        "type" => i.Type == p.Value,
        _ => true,
    }));
}
