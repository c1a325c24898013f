using GraphQL;
using Waldur.GraphGateway.Errors;

namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>
/// One batch failure reaches many fields. GraphQL.NET stamps the field's path and location onto the error it reports,
/// and an exception rethrown from several awaits at once shares its state, so each field gets its own copy, keeping
/// code, message and data.
/// </summary>
internal static class DataLoaderFailure
{
    public static Exception CopyFor(Exception failure)
    {
        Exception copy;
        switch (failure)
        {
            case GatewayException gateway:
                copy = new GatewayException(gateway.Code, gateway.Message, gateway.InnerException);
                break;
            case ExecutionError execution:
                copy = new ExecutionError(execution.Message, execution.InnerException) { Code = execution.Code };
                break;
            case OperationCanceledException canceled:
                return new OperationCanceledException(canceled.Message, canceled, canceled.CancellationToken);
            default:
                // Not a client-facing error: GraphQL.NET wraps it per field (masked unless exposed).
                return new DataLoaderFetchException(failure);
        }
        foreach (var key in failure.Data.Keys)
        {
            copy.Data[key] = failure.Data[key];
        }

        return copy;
    }
}
