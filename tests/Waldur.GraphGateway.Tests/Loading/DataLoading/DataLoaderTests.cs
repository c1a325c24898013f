using System.Collections.Concurrent;
using Waldur.GraphGateway.Loading.DataLoading;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading.DataLoading;

/// <summary>The DataLoader's contract without GraphQL: dispatch, priming, concurrency.</summary>
public sealed class DataLoaderTests
{
    private sealed class GatedLoader : DataLoader<int, string>
    {
        public ConcurrentQueue<int[]> Batches { get; } = new();

        public TaskCompletionSource Gate { get; set; } = Open();

        public static TaskCompletionSource Open()
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            gate.SetResult();
            return gate;
        }

        protected override async Task<IReadOnlyDictionary<int, string>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
        {
            Batches.Enqueue(keys.ToArray());
            await Gate.Task.WaitAsync(cancellationToken);
            return keys.Where(k => k >= 0).ToDictionary(k => k, k => $"v{k}");
        }
    }

    [Fact]
    public async Task Keys_loaded_after_a_batch_left_go_in_the_next_batch()
    {
        var loader = new GatedLoader { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var a = loader.Load(1);
        var first = a.GetResultAsync();
        var b = loader.Load(2);
        var again = loader.Load(1);
        loader.Gate.SetResult();

        Assert.Equal("v1", await first);
        Assert.Equal("v2", await b.GetResultAsync());
        Assert.Equal("v1", await again.GetResultAsync());
        Assert.Equal(new[] { new[] { 1 }, new[] { 2 } }, loader.Batches.ToArray());
        Assert.Equal(2, loader.BatchCount);
    }

    [Fact]
    public async Task Prime_never_overwrites_a_known_value_or_a_fetch_in_flight()
    {
        var loader = new GatedLoader();
        Assert.True(loader.Prime(5, "primed"));
        Assert.False(loader.Prime(5, "other"));
        Assert.Equal("primed", await loader.Load(5).GetResultAsync());

        Assert.Null(await loader.Load(-1).GetResultAsync());
        Assert.False(loader.Prime(-1, "late"));
        Assert.True(loader.TryGetKnown(-1, out var miss));
        Assert.Null(miss);

        loader.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inFlight = loader.Load(7).GetResultAsync();
        Assert.False(loader.Prime(7, "late"));
        loader.Gate.SetResult();
        Assert.Equal("v7", await inFlight);
        Assert.Equal(new[] { new[] { -1 }, new[] { 7 } }, loader.Batches.ToArray());
    }

    [Fact]
    public async Task Loads_from_many_threads_before_dispatch_make_one_deduplicated_batch()
    {
        var loader = new GatedLoader();
        var random = new Random(7);
        var keys = Enumerable.Range(0, 500).Select(_ => random.Next(0, 120)).ToArray();
        var results = new ConcurrentBag<GraphQL.DataLoader.IDataLoaderResult<string?>>();
        Parallel.ForEach(keys, k => results.Add(loader.Load(k)));

        var values = await Task.WhenAll(results.Select(r => r.GetResultAsync()));

        var batch = Assert.Single(loader.Batches);
        Assert.Equal(keys.Distinct().Order(), batch.Order());
        Assert.Equal(keys.Select(k => $"v{k}").Order(), values.Order());
    }

    [Fact]
    public async Task WhenAll_dispatches_every_loader_before_awaiting_any()
    {
        var first = new GatedLoader { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var second = new GatedLoader { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var all = DataLoaderResult.WhenAll([first.Load(1).Then(v => v), second.Load(2), first.Load(3)]).GetResultAsync();

        // Both fetches are running although neither may finish yet.
        Assert.Single(first.Batches);
        Assert.Single(second.Batches);
        first.Gate.SetResult();
        second.Gate.SetResult();
        Assert.Equal(new[] { "v1", "v2", "v3" }, await all);
    }

    [Fact]
    public async Task A_waiter_that_is_cancelled_stops_waiting()
    {
        var loader = new GatedLoader { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        using var cts = new CancellationTokenSource();
        var waiting = loader.Load(1).GetResultAsync(cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Single(loader.Batches);
        Assert.False(loader.TryGetKnown(1, out _));
    }
}
