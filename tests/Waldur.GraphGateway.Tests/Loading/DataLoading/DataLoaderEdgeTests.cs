using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DataLoader;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Loading.DataLoading;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading.DataLoading;

/// <summary>
/// The edges of <see cref="DataLoader{TKey,TValue}"/>'s contract that the execution tests do not reach: key
/// comparers, batches with nothing left to fetch, primes racing a failing batch, fetches that return more than was
/// asked, each waiter's own copy of a failure, the untyped result interface, and the per-request registry.
/// </summary>
public sealed class DataLoaderEdgeTests
{
    /// <summary>A loader whose fetch is a function of the keys; every call is recorded.</summary>
    private sealed class FuncLoader(Func<IReadOnlyList<string>, IReadOnlyDictionary<string, string>> fetch, IEqualityComparer<string>? comparer = null)
        : DataLoader<string, string>(comparer)
    {
        public ConcurrentQueue<string[]> Batches { get; } = new();

        protected override Task<IReadOnlyDictionary<string, string>> FetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
        {
            Batches.Enqueue(keys.ToArray());
            return Task.FromResult(fetch(keys));
        }
    }

    private static Dictionary<string, string> Echo(IReadOnlyList<string> keys) =>
        keys.Where(k => !k.StartsWith("miss", StringComparison.Ordinal)).ToDictionary(k => k, k => "v:" + k);

    [Fact]
    public async Task The_comparer_decides_which_keys_are_the_same()
    {
        var loader = new FuncLoader(Echo, StringComparer.OrdinalIgnoreCase);
        Assert.Same(StringComparer.OrdinalIgnoreCase, loader.Comparer);
        var values = await loader.LoadMany(["a", "A", "b", "a"]).GetResultAsync();

        Assert.Equal(new[] { "v:a", "v:a", "v:b", "v:a" }, values);
        Assert.Equal(new[] { "a", "b" }, Assert.Single(loader.Batches));
        Assert.True(loader.TryGetKnown("B", out var known));
        Assert.Equal("v:b", known);

        var ordinal = new FuncLoader(Echo);
        Assert.Same(EqualityComparer<string>.Default, ordinal.Comparer);
        Assert.Equal(new[] { "v:a", "v:A" }, await ordinal.LoadMany(["a", "A"]).GetResultAsync());
        Assert.Equal(new[] { "a", "A" }, Assert.Single(ordinal.Batches));
    }

    [Fact]
    public async Task A_batch_whose_keys_were_all_primed_fetches_nothing_and_is_not_counted()
    {
        var loader = new FuncLoader(Echo);
        var pending = loader.Load("x");
        Assert.False(loader.TryGetKnown("x", out _));
        Assert.True(loader.Prime("x", "primed"));
        Assert.False(loader.Prime("x", "second"));
        Assert.True(loader.TryGetKnown("x", out var known));
        Assert.Equal("primed", known);

        Assert.Equal("primed", await pending.GetResultAsync());
        Assert.Empty(loader.Batches);
        Assert.Equal(0, loader.BatchCount);

        // The next key starts a new batch, which does count.
        Assert.Null(await loader.Load("miss-1").GetResultAsync());
        Assert.Equal(1, loader.BatchCount);
        Assert.True(loader.TryGetKnown("miss-1", out var miss));
        Assert.Null(miss);
    }

    [Fact]
    public async Task A_fetched_value_never_overwrites_a_prime_and_extra_values_are_ignored()
    {
        var loader = new FuncLoader(keys => keys.Append("p").Append("extra").ToDictionary(k => k, k => "fetched:" + k));
        var primedLoad = loader.Load("p");
        var fetchedLoad = loader.Load("f");
        Assert.True(loader.Prime("p", "primed"));

        Assert.Equal("fetched:f", await fetchedLoad.GetResultAsync());
        Assert.Equal("primed", await primedLoad.GetResultAsync());
        Assert.Equal(new[] { "f" }, Assert.Single(loader.Batches));
        Assert.False(loader.TryGetKnown("extra", out _));
        Assert.False(loader.Prime("f", "late"));
        Assert.Equal("fetched:f", await loader.Load("f").GetResultAsync());
    }

    [Fact]
    public async Task A_failed_batch_fails_its_waiters_but_not_a_key_primed_before_it_left_and_forgets_the_rest()
    {
        var fail = true;
        var loader = new FuncLoader(keys => fail ? throw new InvalidOperationException("boom") : Echo(keys));
        var primed = loader.Load("p");
        var failing = loader.Load("f");
        Assert.True(loader.Prime("p", "primed"));

        var error = await Assert.ThrowsAsync<DataLoaderFetchException>(() => failing.GetResultAsync());
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Equal("primed", await primed.GetResultAsync());
        Assert.True(loader.TryGetKnown("p", out _));
        Assert.False(loader.TryGetKnown("f", out _));
        Assert.Equal(1, loader.BatchCount);

        // The failure was not cached as a miss: a later load fetches again.
        fail = false;
        Assert.Equal("v:f", await loader.Load("f").GetResultAsync());
        Assert.Equal(new[] { new[] { "f" }, new[] { "f" } }, loader.Batches.ToArray());
        Assert.Equal(2, loader.BatchCount);
    }

    [Fact]
    public async Task Each_waiter_gets_its_own_copy_of_a_gateway_error_with_code_message_and_data()
    {
        var cause = new InvalidOperationException("cause");
        var original = new GatewayException(ErrorCodes.UpstreamUnavailable, "Waldur answered 503.", cause);
        original.Data["status"] = 503;
        var loader = new FuncLoader(_ => throw original);
        var a = loader.Load("a");
        var b = loader.Load("b");

        var first = await Assert.ThrowsAsync<GatewayException>(() => a.GetResultAsync());
        var second = await Assert.ThrowsAsync<GatewayException>(() => b.GetResultAsync());
        Assert.NotSame(first, second);
        Assert.NotSame(original, first);
        foreach (var copy in new[] { first, second })
        {
            Assert.Equal(ErrorCodes.UpstreamUnavailable, copy.Code);
            Assert.Equal("Waldur answered 503.", copy.Message);
            Assert.Same(cause, copy.InnerException);
            Assert.Equal(503, copy.Data["status"]);
        }
    }

    [Fact]
    public async Task Execution_errors_are_copied_with_their_code_message_inner_and_data()
    {
        var execution = new ExecutionError("plain", new InvalidOperationException()) { Code = "SOME_CODE" };
        execution.Data["k"] = "v";
        var copy = await Assert.ThrowsAsync<ExecutionError>(() => new FuncLoader(_ => throw execution).Load("a").GetResultAsync());
        Assert.NotSame(execution, copy);
        Assert.IsNotType<GatewayException>(copy);
        Assert.Equal("SOME_CODE", copy.Code);
        Assert.Equal("plain", copy.Message);
        Assert.Same(execution.InnerException, copy.InnerException);
        Assert.Equal("v", copy.Data["k"]);
    }

    [Fact]
    public async Task A_cancelled_fetch_is_rethrown_as_a_cancellation_with_its_token()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var cancelled = new OperationCanceledException("stop", cts.Token);
        var copy = await Assert.ThrowsAsync<OperationCanceledException>(() => new FuncLoader(_ => throw cancelled).Load("a").GetResultAsync());
        Assert.NotSame(cancelled, copy);
        Assert.Equal("stop", copy.Message);
        Assert.Same(cancelled, copy.InnerException);
        Assert.Equal(cts.Token, copy.CancellationToken);
    }

    [Fact]
    public void A_fetch_exception_says_what_failed()
    {
        var inner = new InvalidOperationException("x");
        Assert.Equal("A batched fetch failed.", new DataLoaderFetchException(inner).Message);
        Assert.Same(inner, new DataLoaderFetchException(inner).InnerException);
        Assert.Equal("A batched fetch failed.", new DataLoaderFetchException().Message);
        Assert.Equal("m", new DataLoaderFetchException("m").Message);
        Assert.Same(inner, new DataLoaderFetchException("m", inner).InnerException);
    }

    [Fact]
    public async Task Untyped_results_answer_the_same_values()
    {
        var loader = new FuncLoader(Echo);
        IDataLoaderResult batched = loader.Load("a");
        IDataLoaderResult mapped = loader.Load("b").Then(v => v!.Length);
        IDataLoaderResult all = loader.LoadMany(["a", "miss"]);
        IDataLoaderResult done = DataLoaderResult.FromValue("known");

        Assert.Equal("v:a", await batched.GetResultAsync());
        Assert.Equal(3, await mapped.GetResultAsync());
        Assert.Equal(new[] { "v:a", null }, (IReadOnlyList<string?>)(await all.GetResultAsync())!);
        Assert.Equal("known", await done.GetResultAsync());
        Assert.Single(loader.Batches);

        // A known key answers without a batch, typed or untyped.
        IDataLoaderResult cached = loader.Load("a");
        Assert.Equal("v:a", await cached.GetResultAsync());
        Assert.Single(loader.Batches);
    }

    [Fact]
    public void Prime_refuses_null()
    {
        Assert.Throws<ArgumentNullException>(() => new FuncLoader(Echo).Prime("a", null!));
    }
}
