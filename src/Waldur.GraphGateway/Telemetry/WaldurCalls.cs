namespace Waldur.GraphGateway.Telemetry;

/// <summary>
/// What the Waldur client's per-attempt handler tells the rest of the operation, through the async flow: how many
/// requests the current GraphQL operation has sent, and which attempt (0 = first, 1 = first retry…) is on the wire, so
/// the HttpClient span started inside it can say so (<see cref="OutgoingCallSpanProcessor"/>).
/// </summary>
internal static class WaldurCalls
{
    private static readonly AsyncLocal<OperationCallCount?> CurrentOperation = new();
    private static readonly AsyncLocal<int> CurrentAttempt = new();

    /// <summary>The attempt of the Waldur request being sent in this flow (0 outside one, or for a first attempt).</summary>
    public static int Attempt => CurrentAttempt.Value;

    /// <summary>Starts counting this operation's Waldur requests, or returns null when nobody records the histogram.</summary>
    public static OperationCallCount? CountForOperation()
    {
        if (!GatewayTelemetry.WaldurRequestsPerOperation.Enabled)
        {
            return null;
        }

        var count = new OperationCallCount();
        CurrentOperation.Value = count;
        return count;
    }

    /// <summary>Called by the handler once per attempt, just before the request goes out.</summary>
    public static void AttemptStarting(int attempt)
    {
        // Unchanged (the usual first attempt), the flow keeps its context: no copy per call.
        if (CurrentAttempt.Value != attempt)
        {
            CurrentAttempt.Value = attempt;
        }

        CurrentOperation.Value?.Increment();
    }
}

/// <summary>One operation's Waldur request count; attempts of concurrent fields add to it from several threads.</summary>
internal sealed class OperationCallCount
{
    private int _requests;

    public int Requests => Volatile.Read(ref _requests);

    internal void Increment() => Interlocked.Increment(ref _requests);
}
