using GraphQL;

namespace Waldur.GraphGateway.Schema;

/// <summary>An error a client may act on: always carries one of <see cref="ErrorCodes"/>.</summary>
public class GatewayError : ExecutionError
{
    public GatewayError(string code, string message, Exception? inner = null) : base(message, inner) => Code = code;
}
