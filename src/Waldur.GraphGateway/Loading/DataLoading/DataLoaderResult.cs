using GraphQL.DataLoader;

namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>Building blocks for resolvers that return <see cref="IDataLoaderResult{T}"/>.</summary>
internal static class DataLoaderResult
{
    /// <summary>A result that is already known (a primed value, or nothing to load).</summary>
    public static IDataLoaderResult<T> FromValue<T>(T value) => new Completed<T>(value);

    /// <summary>A result that is a task already started (so resolvers can return one type whether they batch or not).</summary>
    public static IDataLoaderResult<T> FromTask<T>(Task<T> task) => new Started<T>(task);

    /// <summary>A result that fails with <paramref name="error"/> when awaited (e.g. one malformed id among many).</summary>
    public static IDataLoaderResult<T> Failed<T>(Exception error) => new Faulted<T>(error);

    /// <summary>
    /// All results in order. Every inner result is started before any is awaited, so loads spread over several
    /// loaders dispatch their batches together rather than one after another.
    /// </summary>
    public static IDataLoaderResult<IReadOnlyList<T>> WhenAll<T>(IReadOnlyList<IDataLoaderResult<T>> results) =>
        new All<T>(results);

    /// <summary>Maps the value once it is known (e.g. a DTO to <c>object</c> for an interface field).</summary>
    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> result, Func<T, TResult> map) =>
        new Mapped<T, TResult>(result, map);

    /// <summary>Continues with an asynchronous step once the value is known (a batch's miss answered another way).</summary>
    public static IDataLoaderResult<TResult> ThenAsync<T, TResult>(this IDataLoaderResult<T> result, Func<T, Task<TResult>> next) =>
        new Continued<T, TResult>(result, next);

    private sealed class Completed<T>(T value) : IDataLoaderResult<T>
    {
        public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult(value);

        Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => Task.FromResult<object?>(value);
    }

    private sealed class Started<T>(Task<T> task) : IDataLoaderResult<T>
    {
        public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => task;

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await task;
    }

    private sealed class Faulted<T>(Exception error) : IDataLoaderResult<T>
    {
        public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromException<T>(error);

        Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => Task.FromException<object?>(error);
    }

    private sealed class Mapped<T, TResult>(IDataLoaderResult<T> inner, Func<T, TResult> map) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) =>
            map(await inner.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }

    private sealed class Continued<T, TResult>(IDataLoaderResult<T> inner, Func<T, Task<TResult>> next) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) =>
            await next(await inner.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }

    private sealed class All<T>(IReadOnlyList<IDataLoaderResult<T>> results) : IDataLoaderResult<IReadOnlyList<T>>
    {
        public async Task<IReadOnlyList<T>> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var started = results.Select(r => r.GetResultAsync(cancellationToken)).ToList();
            return await Task.WhenAll(started);
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
