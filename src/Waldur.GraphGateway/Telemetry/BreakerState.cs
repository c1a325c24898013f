namespace Waldur.GraphGateway.Telemetry;

/// <summary>The circuit breaker's states, as the gauge reports them.</summary>
internal enum BreakerState
{
    Closed = 0,
    Open = 1,
    HalfOpen = 2,
}
