using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Telemetry;

namespace Waldur.GraphGateway.Http;

/// <summary>
/// Parsed documents keyed by their exact text, bounded by <see cref="GraphQLHttpOptions.DocumentCacheSize"/>, so a
/// client repeating a query skips parsing and measuring. Holds syntax only, never results or variables, so
/// sharing it between callers leaks nothing.
/// </summary>
internal sealed class DocumentCache : IDisposable
{
    private readonly BoundedCache<ParsedDocument> _cache;

    public DocumentCache(IOptions<GraphQLHttpOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _cache = new(options.Value.DocumentCacheSize, TimeSpan.FromHours(1));
    }

    public ParsedDocument? Get(string query)
    {
        var hit = _cache.TryGet(query, out var parsed);
        if (GatewayTelemetry.DocumentCacheLookups.Enabled)
        {
            GatewayTelemetry.DocumentCacheLookups.Add(1, new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));
        }

        return hit ? parsed : null;
    }

    public void Set(string query, ParsedDocument parsed) => _cache.Set(query, parsed);

    public void Dispose() => _cache.Dispose();
}
