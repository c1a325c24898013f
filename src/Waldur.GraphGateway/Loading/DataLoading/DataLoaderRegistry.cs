using System.Collections.Concurrent;

namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>
/// The request's loaders that are not services of their own: made on first use under a name and shared by every
/// field of the request. Scoped; nothing here outlives the request.
/// </summary>
public sealed class DataLoaderRegistry
{
    private readonly ConcurrentDictionary<string, Lazy<object>> _loaders = new(StringComparer.Ordinal);

    /// <summary>The loader registered under <paramref name="name"/>, created by <paramref name="create"/> the first time.</summary>
    public TLoader GetOrAdd<TLoader>(string name, Func<TLoader> create)
        where TLoader : class
    {
        var lazy = _loaders.GetOrAdd(name, _ => new Lazy<object>(create, LazyThreadSafetyMode.ExecutionAndPublication));
        return lazy.Value as TLoader
            ?? throw new InvalidOperationException($"The loader '{name}' is a {lazy.Value.GetType().Name}, not a {typeof(TLoader).Name}.");
    }

    /// <summary>A delegate-fetched loader under <paramref name="name"/>.</summary>
    public DataLoader<TKey, TValue> GetOrAdd<TKey, TValue>(
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
        IEqualityComparer<TKey>? comparer = null)
        where TKey : notnull
        where TValue : class =>
        GetOrAdd<DataLoader<TKey, TValue>>(name, () => new DelegateDataLoader<TKey, TValue>(fetch, comparer));
}
