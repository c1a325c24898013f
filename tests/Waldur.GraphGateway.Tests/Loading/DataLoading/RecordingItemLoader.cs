using System.Collections.Concurrent;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Loading.DataLoading;

namespace Waldur.GraphGateway.Tests.Loading.DataLoading;

/// <summary>
/// A loader over an in-memory table that records every batch it is asked for. A batch holding a key that starts with
/// "bad" fails with <see cref="ErrorCodes.UpstreamUnavailable"/>; one holding "hang" waits until cancelled.
/// </summary>
internal class RecordingItemLoader(TestTable table, HangProbe probe) : DataLoader<string, TestItem>(StringComparer.Ordinal)
{
    public ConcurrentQueue<IReadOnlyList<string>> Batches { get; } = new();

    protected override async Task<IReadOnlyDictionary<string, TestItem>> FetchAsync(
        IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        Batches.Enqueue(keys.ToList());
        await Task.Yield();
        if (keys.Any(k => k.StartsWith("hang", StringComparison.Ordinal)))
        {
            probe.Started.TrySetResult(cancellationToken);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        if (keys.Any(k => k.StartsWith("bad", StringComparison.Ordinal)))
        {
            throw new GatewayException(ErrorCodes.UpstreamUnavailable, "Waldur answered 503.");
        }

        return keys.Where(table.Rows.ContainsKey).ToDictionary(k => k, k => table.Rows[k], StringComparer.Ordinal);
    }
}
