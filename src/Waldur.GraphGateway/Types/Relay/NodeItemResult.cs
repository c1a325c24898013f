using GraphQL;
using GraphQL.DataLoader;
using Waldur.GraphGateway.Errors;

namespace Waldur.GraphGateway.Types.Relay;

/// <summary>
/// One item of a list field whose items load separately: a failure becomes null at that index with its error
/// reported at the item's path, so one bad id or one failed batch does not null the whole list.
/// </summary>
internal sealed class NodeItemResult(IDataLoaderResult<object?> inner, IResolveFieldContext context, int index)
    : IDataLoaderResult<object?>
{
    public async Task<object?> GetResultAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.GetResultAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ExecutionError error)
        {
            Report(error);
        }
        catch (GatewayException error)
        {
            Report(error.ToExecutionError());
        }
#pragma warning disable CA1031 // Masked like any unhandled resolver failure, but kept to this item.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Report(new ExecutionError("Error trying to resolve this node.", ex) { Code = ErrorCodes.Internal });
        }
        return null;
    }

    private void Report(ExecutionError error)
    {
        error.Path = [.. context.ResponsePath, index];
        if (context.FieldAst is { } field)
        {
            error.AddLocation(field, context.Document);
        }

        context.Errors.Add(error);
    }
}
