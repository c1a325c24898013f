using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Waldur.GraphGateway.Errors;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading.DataLoading;

/// <summary>The DataLoader under GraphQL.NET's real execution (parallel strategy), one scope per request.</summary>
public sealed class DataLoaderExecutionTests : IDisposable
{
    private readonly ServiceProvider _services = TestLoaderSchema.BuildServices();

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Twenty_aliased_fields_of_one_level_are_one_batch()
    {
        var random = new Random(20);
        var keys = Enumerable.Range(0, TestTable.Size).OrderBy(_ => random.Next()).Take(20).Select(i => $"k{i}").ToList();
        // Half load synchronously, half after awaiting different delays: all belong to the same level.
        var fields = keys.Select((k, i) => i % 2 == 0
            ? $"a{i}: item(key: \"{k}\") {{ key value }}"
            : $"a{i}: slowItem(key: \"{k}\", delayMs: {random.Next(1, 40)}) {{ key value }}");

        var (json, loader, _) = await TestLoaderSchema.ExecuteAsync(_services, "{ " + string.Join(" ", fields) + " }");

        var batch = Assert.Single(loader.Batches);
        Assert.Equal(keys.Order(StringComparer.Ordinal), batch.Order(StringComparer.Ordinal));
        using var doc = JsonDocument.Parse(json);
        Assert.False(doc.RootElement.TryGetProperty("errors", out _));
        for (var i = 0; i < keys.Count; i++)
        {
            Assert.Equal(keys[i], doc.RootElement.GetProperty("data").GetProperty($"a{i}").GetProperty("key").GetString());
        }
    }

    [Fact]
    public async Task A_key_asked_several_times_is_fetched_once_and_a_miss_is_null()
    {
        var (json, loader, _) = await TestLoaderSchema.ExecuteAsync(_services,
            """{ a: item(key: "k3") { value } b: item(key: "k3") { key } c: item(key: "k7") { key } d: item(key: "nope") { key } e: item(key: "nope") { key } }""");

        var batch = Assert.Single(loader.Batches);
        Assert.Equal(new[] { "k3", "k7", "nope" }, batch.Order(StringComparer.Ordinal));
        using var doc = JsonDocument.Parse(json);
        var data = doc.RootElement.GetProperty("data");
        Assert.Equal("value 3", data.GetProperty("a").GetProperty("value").GetString());
        Assert.Equal("k3", data.GetProperty("b").GetProperty("key").GetString());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("d").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("e").ValueKind);
        Assert.False(doc.RootElement.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task The_cache_spans_levels_and_each_level_is_one_batch_of_new_keys()
    {
        // Level 1 asks k1, k2; level 2 (next) asks k2 (known) and k3; level 3 asks k3 (known) and k4.
        var (json, loader, _) = await TestLoaderSchema.ExecuteAsync(_services,
            """{ a: item(key: "k1") { next { key next { key } } } b: item(key: "k2") { next { key next { key } } } }""");

        Assert.Equal(
            new[] { new[] { "k1", "k2" }, new[] { "k3" }, new[] { "k4" } },
            loader.Batches.Select(b => b.Order(StringComparer.Ordinal).ToArray()).ToArray());
        using var doc = JsonDocument.Parse(json);
        var b = doc.RootElement.GetProperty("data").GetProperty("b").GetProperty("next");
        Assert.Equal("k3", b.GetProperty("key").GetString());
        Assert.Equal("k4", b.GetProperty("next").GetProperty("key").GetString());
    }

    [Fact]
    public async Task A_failing_batch_nulls_exactly_its_fields_with_the_code_and_siblings_answer()
    {
        var (json, loader, other) = await TestLoaderSchema.ExecuteAsync(_services,
            """{ g1: item(key: "k1") { key } f1: other(key: "bad1") { key } g2: item(key: "k2") { key } f2: other(key: "k5") { key } }""");

        Assert.Single(loader.Batches);
        Assert.Single(other.Batches);
        using var doc = JsonDocument.Parse(json);
        var data = doc.RootElement.GetProperty("data");
        Assert.Equal("k1", data.GetProperty("g1").GetProperty("key").GetString());
        Assert.Equal("k2", data.GetProperty("g2").GetProperty("key").GetString());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("f1").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("f2").ValueKind);
        var errors = doc.RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal(ErrorCodes.UpstreamUnavailable, e.GetProperty("extensions").GetProperty("code").GetString()));
        Assert.Equal(new[] { "f1", "f2" }, errors.Select(e => e.GetProperty("path")[0].GetString()).Order());
        Assert.All(errors, e => Assert.Equal(1, e.GetProperty("locations").GetArrayLength()));
    }

    [Fact]
    public async Task A_failed_key_is_not_cached_and_a_later_level_fetches_it_again()
    {
        // Level 1: k1 shares a failing batch with bad0. Level 2 (a.next) asks k1 again: a new batch, and it answers.
        var (json, loader, _) = await TestLoaderSchema.ExecuteAsync(_services,
            """{ x: item(key: "bad0") { key } y: item(key: "k1") { key } a: other(key: "k0") { next { key } } }""");

        Assert.Equal(
            new[] { new[] { "bad0", "k1" }, new[] { "k1" } },
            loader.Batches.Select(b => b.Order(StringComparer.Ordinal).ToArray()).ToArray());
        using var doc = JsonDocument.Parse(json);
        var data = doc.RootElement.GetProperty("data");
        Assert.Equal(JsonValueKind.Null, data.GetProperty("y").ValueKind);
        Assert.Equal("k1", data.GetProperty("a").GetProperty("next").GetProperty("key").GetString());
        Assert.Equal(new[] { "x", "y" }, doc.RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => e.GetProperty("path")[0].GetString()).Order());
    }

    [Fact]
    public async Task A_list_resolver_beside_the_lookups_primes_them_and_they_cost_no_batch()
    {
        var (json, loader, _) = await TestLoaderSchema.ExecuteAsync(_services,
            """{ list(keys: ["k1", "k2", "k3"], delayMs: 30) { key } a: item(key: "k1") { value } b: item(key: "k3") { value } c: slowItem(key: "k2", delayMs: 5) { value } }""");

        Assert.Empty(loader.Batches);
        using var doc = JsonDocument.Parse(json);
        var data = doc.RootElement.GetProperty("data");
        Assert.Equal("value 1", data.GetProperty("a").GetProperty("value").GetString());
        Assert.Equal("value 2", data.GetProperty("c").GetProperty("value").GetString());
        Assert.Equal(0, loader.BatchCount);
    }

    [Fact]
    public async Task The_batch_receives_only_the_keys_still_missing_after_priming()
    {
        var (json, loader, _) = await TestLoaderSchema.ExecuteAsync(_services,
            """{ list(keys: ["k1", "k2"], delayMs: 20) { key } a: item(key: "k1") { value } b: item(key: "k2") { value } c: item(key: "k8") { value } d: item(key: "k9") { value } }""");

        var batch = Assert.Single(loader.Batches);
        Assert.Equal(new[] { "k8", "k9" }, batch.Order(StringComparer.Ordinal));
        Assert.Contains("value 9", json, StringComparison.Ordinal);
        Assert.Contains("value 2", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_the_request_cancels_the_fetch()
    {
        using var cts = new CancellationTokenSource();
        var run = TestLoaderSchema.ExecuteAsync(_services, """{ a: item(key: "hang1") { key } b: item(key: "k1") { key } }""", cts.Token);
        var fetchToken = await _services.GetRequiredService<HangProbe>().Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(fetchToken.IsCancellationRequested);

        await cts.CancelAsync();

        var ex = await Record.ExceptionAsync(() => run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.IsAssignableFrom<OperationCanceledException>(ex);
        Assert.True(fetchToken.IsCancellationRequested);
    }
}
