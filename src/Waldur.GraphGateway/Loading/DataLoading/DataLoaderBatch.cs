namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>
/// The keys of one fetch. It is dispatched by the first result that is awaited, runs the loader's fetch once, and
/// every waiting result observes the same outcome (each failure rethrown as its own error instance, because
/// GraphQL.NET writes a field's path into the error it receives).
/// </summary>
internal sealed class DataLoaderBatch<TKey, TValue>(DataLoader<TKey, TValue> loader, IEqualityComparer<TKey> comparer)
    where TKey : notnull
    where TValue : class
{
    private readonly List<DataLoaderEntry<TKey, TValue>> _entries = [];
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Exception? _failure;

    public bool IsClosed { get; private set; }

    public IReadOnlyList<DataLoaderEntry<TKey, TValue>> Entries => _entries;

    /// <summary>Called under the loader's lock.</summary>
    public void Add(DataLoaderEntry<TKey, TValue> entry) => _entries.Add(entry);

    /// <summary>Called under the loader's lock: the batch takes no more keys; returns the keys still unknown.</summary>
    public bool TryClose(out IReadOnlyList<TKey> missing)
    {
        if (IsClosed)
        {
            missing = [];
            return false;
        }
        IsClosed = true;
        var seen = new HashSet<TKey>(comparer);
        missing = _entries.Where(e => !e.IsKnown && seen.Add(e.Key)).Select(e => e.Key).ToList();
        return true;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (loader.TryDispatch(this, out var missing))
        {
            _ = FetchAsync(missing, cancellationToken);
        }

        await _done.Task.WaitAsync(cancellationToken);
        if (_failure is not null)
        {
            throw DataLoaderFailure.CopyFor(_failure);
        }
    }

    private async Task FetchAsync(IReadOnlyList<TKey> missing, CancellationToken cancellationToken)
    {
        using var activity = missing.Count == 0 ? null : BatchTelemetry.Start(loader.TelemetryKind, loader.TelemetryResource, missing.Count);
        try
        {
            var found = missing.Count == 0
                ? new Dictionary<TKey, TValue>(comparer)
                : await loader.RunFetchAsync(missing, cancellationToken);
            loader.Complete(this, found);
        }
#pragma warning disable CA1031 // Every failure, whatever its type, belongs to the fields that waited on this batch.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _failure = ex;
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.GetType().Name);
            loader.Complete(this, null);
        }
        _done.TrySetResult();
    }
}
