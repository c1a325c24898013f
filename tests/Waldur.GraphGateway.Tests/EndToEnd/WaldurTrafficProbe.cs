using Microsoft.Extensions.DependencyInjection;

namespace Waldur.GraphGateway.Tests.EndToEnd;

/// <summary>
/// Watches the gateway's real calls to Waldur from inside its HttpClient (it changes nothing on the wire): how many
/// were in flight at once, and an optional action before the n-th call (e.g. switching on an emulator fault).
/// </summary>
public sealed class WaldurTrafficProbe
{
    private int _inFlight;
    private int _maxInFlight;
    private int _calls;

    public Func<int, Task>? BeforeCall { get; set; }

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public void Reset()
    {
        Volatile.Write(ref _maxInFlight, 0);
        Volatile.Write(ref _calls, 0);
    }

    /// <summary>Adds the probe to every HttpClient the gateway builds (the Waldur client is its only one).</summary>
    public void AddTo(IServiceCollection services) =>
        services.ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(() => new Handler(this)));

    private sealed class Handler(WaldurTrafficProbe probe) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var call = Interlocked.Increment(ref probe._calls);
            if (probe.BeforeCall is { } before)
            {
                await before(call);
            }

            var now = Interlocked.Increment(ref probe._inFlight);
            for (var max = probe.MaxInFlight; now > max; max = probe.MaxInFlight)
            {
                Interlocked.CompareExchange(ref probe._maxInFlight, now, max);
            }

            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref probe._inFlight);
            }
        }
    }
}
