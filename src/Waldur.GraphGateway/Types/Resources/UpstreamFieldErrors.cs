using GraphQL;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Types.Resources;

/// <summary>
/// Per-field tolerance, the resolver's half: a slot whose Waldur value did not fit (<see cref="WaldurRow.ProblemAt"/>)
/// answers null plus one field error at its path (<c>UPSTREAM_FIELD_INVALID</c>), so the row, its siblings and the
/// connection stay. Added to the context rather than thrown: no exception per bad value and row.
/// </summary>
internal static class UpstreamFieldErrors
{
    /// <summary>The slot's value; null after reporting when Waldur's value did not fit.</summary>
    public static object? Value(IResolveFieldContext<WaldurRow> context, int index) => Value(context, context.Source, index);

    /// <inheritdoc cref="Value(IResolveFieldContext{WaldurRow}, int)"/>
    public static object? Value(IResolveFieldContext context, WaldurRow row, int index)
    {
        if (row.HasProblems && row.ProblemAt(index) is { } problem)
        {
            Report(context, row.Shape.TypeName, problem);
            return null;
        }
        return row[index];
    }

    public static void Report(IResolveFieldContext context, string typeName, string problem)
    {
        var error = new ExecutionError($"Waldur's {typeName} row holds a value this field cannot carry: {problem}.")
        {
            Code = ErrorCodes.UpstreamFieldInvalid,
            Path = context.ResponsePath,
        };
        error.AddLocation(context.FieldAst, context.Document);
        context.Errors.Add(error);
    }
}
