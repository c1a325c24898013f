using System.Collections.Concurrent;
using System.Diagnostics;
using Waldur.GraphGateway.Telemetry;

namespace Waldur.GraphGateway.Tests.Loading.DataLoading;

/// <summary>
/// A test's own span, current while the test runs, and the gateway spans started directly under it (a DataLoader's
/// batch). Only these are sampled (as <see cref="ExecutorHarness"/> does), so tests running in parallel never see each
/// other's spans. Children are kept when they start: a batch's tags and status are set before its waiters resume,
/// while the span itself ends a moment later.
/// </summary>
internal sealed class BatchSpans : IDisposable
{
    private const string SpanName = "batch-spans-test";
    private const string ChildrenProperty = "batch-spans-test.children";

    private readonly Activity _activity = GatewayTelemetry.Source.StartActivity(SpanName)!;
    private readonly ConcurrentQueue<Activity> _children = new();

    static BatchSpans() => ActivitySource.AddActivityListener(new ActivityListener
    {
        ShouldListenTo = source => source.Name == GatewayTelemetry.Name,
        Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
            options.Name == SpanName || Activity.Current?.OperationName == SpanName ? ActivitySamplingResult.AllData : ActivitySamplingResult.None,
        ActivityStarted = activity =>
        {
            if (activity.Parent is { OperationName: SpanName } parent && parent.GetCustomProperty(ChildrenProperty) is ConcurrentQueue<Activity> children)
            {
                children.Enqueue(activity);
            }
        },
    });

    public BatchSpans() => _activity.SetCustomProperty(ChildrenProperty, _children);

    /// <summary>The spans started under this test's span, in start order.</summary>
    public IReadOnlyList<Activity> Children => [.. _children];

    public void Dispose() => _activity.Dispose();
}
