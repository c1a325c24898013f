namespace Waldur.GraphGateway.Errors;

/// <summary>
/// A failure a client may act on: always carries one of <see cref="ErrorCodes"/>. It sits at the bottom of the request
/// path, free of GraphQL, so the Waldur client and the planner raise it; the schema turns it into a GraphQL error once
/// (<c>Types/GatewayExecutionErrors</c>).
/// </summary>
internal class GatewayException : Exception
{
    public GatewayException(string code, string message, Exception? inner = null) : base(message, inner) => Code = code;

    public GatewayException()
    {
        Code = ErrorCodes.Internal;
    }

    public GatewayException(string message) : base(message)
    {
        Code = ErrorCodes.Internal;
    }

    public GatewayException(string message, Exception innerException) : base(message, innerException)
    {
        Code = ErrorCodes.Internal;
    }

    public string Code { get; }
}
