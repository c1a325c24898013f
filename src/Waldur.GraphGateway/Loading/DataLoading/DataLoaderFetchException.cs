namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>An unexpected failure of a batch fetch, rethrown to each field that waited on it (the cause is inner).</summary>
internal sealed class DataLoaderFetchException : Exception
{
    public DataLoaderFetchException(Exception inner) : base("A batched fetch failed.", inner) { }

    public DataLoaderFetchException() : base("A batched fetch failed.") { }

    public DataLoaderFetchException(string message) : base(message) { }

    public DataLoaderFetchException(string message, Exception inner) : base(message, inner) { }
}
