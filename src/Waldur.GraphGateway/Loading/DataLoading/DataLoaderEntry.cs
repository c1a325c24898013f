using GraphQL.DataLoader;

namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>One cached key of a <see cref="DataLoader{TKey,TValue}"/>; mutated only under the loader's lock.</summary>
internal sealed class DataLoaderEntry<TKey, TValue>
    where TKey : notnull
    where TValue : class
{
    private readonly DataLoaderBatch<TKey, TValue>? _batch;
    private volatile bool _isKnown;

    public DataLoaderEntry(TKey key, DataLoaderBatch<TKey, TValue>? batch)
    {
        Key = key;
        _batch = batch;
    }

    public static DataLoaderEntry<TKey, TValue> Known(TKey key, TValue? value)
    {
        var entry = new DataLoaderEntry<TKey, TValue>(key, null);
        entry.Settle(value);
        return entry;
    }

    public TKey Key { get; }

    public TValue? Value { get; private set; }

    public bool IsKnown => _isKnown;

    public bool TryPrime(TValue value)
    {
        if (_isKnown || _batch is null || _batch.IsClosed)
        {
            return false;
        }

        Settle(value);
        return true;
    }

    public void Settle(TValue? value)
    {
        if (_isKnown)
        {
            return;
        }

        Value = value;
        _isKnown = true;
    }

    public IDataLoaderResult<TValue?> Result() =>
        _isKnown || _batch is null ? DataLoaderResult.FromValue(Value) : new BatchedResult(this, _batch);

    private sealed class BatchedResult(DataLoaderEntry<TKey, TValue> entry, DataLoaderBatch<TKey, TValue> batch)
        : IDataLoaderResult<TValue?>
    {
        public async Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            try
            {
                await batch.RunAsync(cancellationToken);
            }
            catch (Exception) when (entry.IsKnown)
            {
                // Primed before the batch left: this load never waited on the failed fetch.
            }
            return entry.Value;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
