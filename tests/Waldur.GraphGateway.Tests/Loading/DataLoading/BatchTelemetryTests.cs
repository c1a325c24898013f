using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Waldur.GraphGateway.Loading.DataLoading;
using Waldur.GraphGateway.Telemetry;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading.DataLoading;

/// <summary>
/// A DataLoader batch as telemetry shows it: one value on the batch-size histogram tagged with loader and resource, and
/// a span "batch {resource}" naming the loader and the key count; no batch span when every key was known in time, and
/// an error status when the fetch failed. Measurements are told apart by resource names only this class uses.
/// </summary>
public sealed class BatchTelemetryTests
{
    /// <summary>A loader whose batches telemetry names <c>test_kind</c>/<paramref name="resource"/>; a negative key fails the batch.</summary>
    private sealed class NamedLoader(string resource) : DataLoader<int, string>
    {
        protected internal override string TelemetryKind => "test_kind";

        protected internal override string TelemetryResource => resource;

        protected override async Task<IReadOnlyDictionary<int, string>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
        {
            await Task.Yield();
            if (keys.Any(k => k < 0))
            {
                throw new TimeoutException("Waldur did not answer.");
            }

            return keys.ToDictionary(k => k, k => $"v{k}");
        }
    }

    /// <summary>Batch sizes recorded for one resource name while the listener lives, with their tags.</summary>
    private sealed class BatchSizes : IDisposable
    {
        private readonly MeterListener _listener = new();

        public BatchSizes(string resource)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument, GatewayTelemetry.DataLoaderBatchSize))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<int>((_, value, tags, _) =>
            {
                var copy = tags.ToArray().ToDictionary(t => t.Key, t => t.Value);
                if (copy.TryGetValue("resource", out var name) && Equals(name, resource))
                {
                    Values.Enqueue((value, copy));
                }
            });
            _listener.Start();
        }

        public ConcurrentQueue<(int Keys, Dictionary<string, object?> Tags)> Values { get; } = new();

        public void Dispose() => _listener.Dispose();
    }

    [Fact]
    public void A_batch_records_its_key_count_and_starts_a_span_named_for_its_resource()
    {
        const string Resource = "BatchTelemetryTests.Direct";
        using var sizes = new BatchSizes(Resource);
        using var spans = new BatchSpans();

        using (var activity = BatchTelemetry.Start("by_test", Resource, 7))
        {
            Assert.NotNull(activity);
            Assert.Equal("batch", activity.OperationName);
            Assert.Equal($"batch {Resource}", activity.DisplayName);
            Assert.Equal("by_test", activity.GetTagItem("waldur_gateway.dataloader"));
            Assert.Equal(7, activity.GetTagItem("waldur_gateway.dataloader.keys"));
            Assert.Equal(Resource, activity.GetTagItem("waldur_gateway.resource"));
        }

        var (keys, tags) = Assert.Single(sizes.Values);
        Assert.Equal(7, keys);
        Assert.Equal(new Dictionary<string, object?> { ["loader"] = "by_test", ["resource"] = Resource }, tags);
        Assert.Single(spans.Children);
    }

    [Fact]
    public async Task A_loaders_batch_is_one_span_and_one_histogram_value_with_its_distinct_keys()
    {
        const string Resource = "BatchTelemetryTests.Loaded";
        using var sizes = new BatchSizes(Resource);
        using var spans = new BatchSpans();

        var loader = new NamedLoader(Resource);
        Assert.Equal(["v1", "v2", "v1"], await loader.LoadMany([1, 2, 1]).GetResultAsync());

        var span = Assert.Single(spans.Children);
        Assert.Equal($"batch {Resource}", span.DisplayName);
        Assert.Equal("test_kind", span.GetTagItem("waldur_gateway.dataloader"));
        Assert.Equal(2, span.GetTagItem("waldur_gateway.dataloader.keys"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        var (keys, tags) = Assert.Single(sizes.Values);
        Assert.Equal(2, keys);
        Assert.Equal("test_kind", tags["loader"]);
    }

    [Fact]
    public async Task A_batch_whose_keys_were_all_primed_in_time_fetches_nothing_and_leaves_no_trace()
    {
        const string Resource = "BatchTelemetryTests.Primed";
        using var sizes = new BatchSizes(Resource);
        using var spans = new BatchSpans();

        var loader = new NamedLoader(Resource);
        var pending = loader.Load(3);
        Assert.True(loader.Prime(3, "primed"));
        Assert.Equal("primed", await pending.GetResultAsync());

        Assert.Equal(0, loader.BatchCount);
        Assert.Empty(spans.Children);
        Assert.Empty(sizes.Values);
    }

    [Fact]
    public async Task A_failed_batch_marks_its_span_as_an_error_named_by_the_exception_type()
    {
        const string Resource = "BatchTelemetryTests.Failed";
        using var spans = new BatchSpans();

        var loader = new NamedLoader(Resource);
        await Assert.ThrowsAsync<DataLoaderFetchException>(() => loader.LoadMany([1, -1]).GetResultAsync());

        var span = Assert.Single(spans.Children);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(nameof(TimeoutException), span.StatusDescription);
    }
}
