using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Tests.Loading;

/// <summary>
/// A Waldur whose answers a test writes: <see cref="List"/> answers each list request, <see cref="Count"/> each HEAD,
/// <see cref="Retrieve"/> each GET by uuid. Logs requests (<c>GET query</c>, <c>HEAD query</c>, <c>GET uuid</c>) and the
/// most calls it saw in flight at once (each call yields for <see cref="Delay"/>).
/// </summary>
internal sealed class ScriptedWaldurClient : IWaldurClient
{
    private int _inFlight;
    private int _maxInFlight;

    public Func<WaldurListQuery, WaldurPage> List { get; set; } = _ => throw new InvalidOperationException("no list expected");

    public Func<WaldurListQuery, int> Count { get; set; } = _ => throw new InvalidOperationException("no count expected");

    public Func<string, WaldurRow?> Retrieve { get; set; } = _ => throw new InvalidOperationException("no retrieve expected");

    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public List<string> Log { get; } = [];

    public int MaxInFlight => _maxInFlight;

    public int Requests
    {
        get
        {
            lock (Log)
            {
                return Log.Count;
            }
        }
    }

    public Task<WaldurPage> ListAsync(WaldurEndpoint endpoint, WaldurListQuery query, CancellationToken cancellationToken) =>
        CallAsync("GET " + query.ToQueryString(), () => List(query));

    public Task<WaldurRow?> RetrieveAsync(WaldurEndpoint endpoint, string uuid, CancellationToken cancellationToken) =>
        CallAsync("GET " + uuid, () => Retrieve(uuid));

    /// <summary>The planner reads only: a write here is a test's mistake.</summary>
    public Task<WaldurWriteResult> WriteAsync(HttpMethod method, string relativeUrl, byte[]? body, CancellationToken cancellationToken) =>
        throw new NotSupportedException("This scripted Waldur serves reads only.");

    public Task<int> CountAsync(WaldurEndpoint endpoint, WaldurListQuery query, CancellationToken cancellationToken) =>
        CallAsync("HEAD " + query.ToQueryString(includePaging: false), () => Count(query));

    /// <summary>Pages of <paramref name="rows"/> as Waldur serves them (U17, U18: past the end is 404 Invalid page).</summary>
    public static WaldurPage Serve(IReadOnlyList<WaldurRow> rows, WaldurListQuery query)
    {
        var size = query.PageSize;
        var lastPage = Math.Max(1, (rows.Count + size - 1) / size);
        var page = query.LastPage ? lastPage : query.Page;
        if (page < 1 || page > lastPage)
        {
            throw new WaldurInvalidPageException();
        }

        return new WaldurPage(rows.Skip((page - 1) * size).Take(size).ToList(), rows.Count, page, size);
    }

    private async Task<T> CallAsync<T>(string entry, Func<T> answer)
    {
        lock (Log)
        {
            Log.Add(entry);
        }

        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while ((seen = Volatile.Read(ref _maxInFlight)) < now && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay);
            }
            else
            {
                await Task.Yield();
            }

            return answer();
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
