using GraphQL;
using GraphQL.Execution;
using Waldur.GraphGateway.Errors;

namespace Waldur.GraphGateway.Types;

/// <summary>
/// Where a <see cref="GatewayException"/> becomes a GraphQL error: its code and message reach the client as they are
/// (GraphQL.NET would otherwise mask any exception that is not an <see cref="ExecutionError"/>).
/// </summary>
internal static class GatewayExecutionErrors
{
    public static ExecutionError ToExecutionError(this GatewayException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var error = new ExecutionError(exception.Message, exception) { Code = exception.Code };
        foreach (var key in exception.Data.Keys)
        {
            error.Data[key] = exception.Data[key];
        }

        return error;
    }

    public static ExecutionError Create(string code, string message) => new(message) { Code = code };

    /// <summary>
    /// The execution's unhandled-exception hook: a coded failure is a client-facing error; anything else stays masked
    /// to the client (<c>INTERNAL_ERROR</c>) and is logged here with its exception, operation and path, so an operator
    /// can find what the client was not told.
    /// </summary>
    public static Task TranslateAsync(UnhandledExceptionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.OriginalException is GatewayException gateway)
        {
            context.Exception = gateway.ToExecutionError();
            return Task.CompletedTask;
        }

        var services = context.FieldContext?.RequestServices ?? context.Context?.RequestServices;
        var logger = services?.GetService<ILoggerFactory>()?.CreateLogger(typeof(GatewayExecutionErrors).FullName!);
        logger?.LogError(context.OriginalException, "Internal error in operation {Operation} at {Path}",
            context.Context?.Operation?.Name?.StringValue ?? "(anonymous)",
            context.FieldContext is { } field ? string.Join('.', field.ResponsePath) : "(execution)");
        return Task.CompletedTask;
    }
}
