namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>A <see cref="DataLoader{TKey,TValue}"/> whose fetch is a delegate, for loaders made on the fly.</summary>
public sealed class DelegateDataLoader<TKey, TValue>(
    Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
    IEqualityComparer<TKey>? comparer = null)
    : DataLoader<TKey, TValue>(comparer)
    where TKey : notnull
    where TValue : class
{
    protected override Task<IReadOnlyDictionary<TKey, TValue>> FetchAsync(
        IReadOnlyList<TKey> keys, CancellationToken cancellationToken) => fetch(keys, cancellationToken);
}
