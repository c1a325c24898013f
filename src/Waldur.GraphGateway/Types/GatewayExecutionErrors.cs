using GraphQL;
using GraphQL.Execution;
using Waldur.GraphGateway.Errors;

namespace Waldur.GraphGateway.Types;

/// <summary>
/// Where a <see cref="GatewayException"/> becomes a GraphQL error: its code and message reach the client as they are
/// (GraphQL.NET would otherwise mask any exception that is not an <see cref="ExecutionError"/>).
/// </summary>
public static class GatewayExecutionErrors
{
    public static ExecutionError ToExecutionError(this GatewayException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var error = new ExecutionError(exception.Message, exception) { Code = exception.Code };
        foreach (var key in exception.Data.Keys)
            error.Data[key] = exception.Data[key];
        return error;
    }

    public static ExecutionError Create(string code, string message) => new(message) { Code = code };

    /// <summary>The execution's unhandled-exception hook: a coded failure is a client-facing error, anything else stays masked.</summary>
    public static Task TranslateAsync(UnhandledExceptionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.OriginalException is GatewayException gateway)
            context.Exception = gateway.ToExecutionError();
        return Task.CompletedTask;
    }
}
