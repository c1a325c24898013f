namespace Waldur.GraphGateway.Tests.Loading.DataLoading;

/// <summary>Lets a test see that a fetch started and which token it was given.</summary>
public sealed class HangProbe
{
    public TaskCompletionSource<CancellationToken> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
