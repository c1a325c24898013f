namespace Waldur.GraphGateway.WaldurApi;

/// <summary>
/// A list page past the end (<c>404 Invalid page.</c>, U18). Not a client-facing error: the planner asked for a position
/// it could not know was gone (rows vanished between requests) and recovers by counting again.
/// </summary>
internal sealed class WaldurInvalidPageException : Exception
{
    public WaldurInvalidPageException()
        : base("Waldur answered 404 Invalid page.")
    {
    }

    public WaldurInvalidPageException(string message) : base(message)
    {
    }

    public WaldurInvalidPageException(string message, Exception inner) : base(message, inner)
    {
    }
}
