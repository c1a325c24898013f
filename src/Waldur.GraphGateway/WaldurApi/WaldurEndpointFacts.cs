using System.Collections.Concurrent;
using Waldur.GraphGateway.Telemetry;

namespace Waldur.GraphGateway.WaldurApi;

/// <summary>
/// What the gateway has learned about the Waldur it talks to (singleton, per process): list endpoints this Waldur lacks
/// (<see cref="WaldurClient"/> says how it tells), remembered for <see cref="WaldurOptions.UnavailableEndpointTtl"/>
/// so they cost no further calls and are logged once; lists it does not page (no <c>X-Result-Count</c>), read whole and
/// paged here; and the version <c>/api/version/</c> names. Keyed by the endpoint's path template, so a nested list
/// counts once whatever its parent.
/// </summary>
internal sealed class WaldurEndpointFacts(TimeProvider time, Microsoft.Extensions.Options.IOptions<WaldurOptions> options, ILogger<WaldurEndpointFacts> logger)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, string Message)> _missing = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _unpaged = new(StringComparer.Ordinal);

    /// <summary>The version Waldur reported, once asked; null until then (or when it would not say).</summary>
    public string? Version { get; private set; }

    public void SetVersion(string version) => Version = version;

    /// <summary>The version text an error names: the reported one, or that it is unknown.</summary>
    public string VersionText => Version is { } version ? $"Waldur {version}" : "this Waldur (its /api/version/ did not say which)";

    /// <summary>Whether the endpoint is known to be missing; <paramref name="message"/> is then the client-facing why.</summary>
    public bool IsMissing(WaldurEndpoint endpoint, out string message)
    {
        if (_missing.TryGetValue(endpoint.Template, out var fact) && fact.Until > time.GetUtcNow())
        {
            message = fact.Message;
            return true;
        }

        message = "";
        return false;
    }

    public void MarkMissing(WaldurEndpoint endpoint, string message)
    {
        var until = time.GetUtcNow() + options.Value.UnavailableEndpointTtl;
        var fresh = !_missing.TryGetValue(endpoint.Template, out var known) || known.Until <= time.GetUtcNow();
        _missing[endpoint.Template] = (until, message);
        if (fresh)
        {
            GatewayTelemetry.EndpointsUnavailable.Add(1);
        }

        if (fresh && logger.IsEnabled(LogLevel.Warning))
        {
            logger.LogWarning("{Message} Fields reading /{Path} answer WALDUR_ENDPOINT_UNAVAILABLE without calling it for {Ttl}",
                message, endpoint.Template, options.Value.UnavailableEndpointTtl);
        }
    }

    public bool IsUnpaged(WaldurEndpoint endpoint) => !endpoint.Paged || _unpaged.ContainsKey(endpoint.Template);

    public void MarkUnpaged(WaldurEndpoint endpoint)
    {
        if (_unpaged.TryAdd(endpoint.Template, true) && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("{Waldur} does not page /{Path} (a list without X-Result-Count): it is read whole and paged in the gateway",
                VersionText, endpoint.Template);
        }
    }
}
