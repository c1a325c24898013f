using System.Collections;
using GraphQL.DataLoader;
using GraphQL.Execution;
using GraphQL.Types;
using Waldur.GraphGateway.Types;

namespace Waldur.GraphGateway.Schema;

/// <summary>
/// GraphQL.NET's parallel strategy for queries, except for a list of objects whose selected fields are all scalars or
/// enums read by <see cref="IPureFieldResolver"/>s (or <c>__typename</c>): such a list (a page's <c>nodes</c>, an
/// image's <c>regions</c>) is read straight into <see cref="FlatRows"/> instead of one node per item plus one per field
/// and item (issue 25: those nodes were ~38% of the bytes allocated per S1 request). Anything it cannot answer exactly
/// as the nodes would (a null item, a value that would be a field error, a null for a non-null field, a loader, a
/// resolver it does not know) leaves the whole list to GraphQL.NET.
/// </summary>
internal sealed class FlatListExecutionStrategy : ParallelExecutionStrategy
{
    protected override Task SetArrayItemNodesAsync(GraphQL.Execution.ExecutionContext context, ArrayExecutionNode parent)
    {
        if (Flat(context, parent) is { } rows)
        {
            parent.SerializedResult = rows;
            return Task.CompletedTask;
        }

        return base.SetArrayItemNodesAsync(context, parent);
    }

    private FlatRows? Flat(GraphQL.Execution.ExecutionContext context, ArrayExecutionNode parent)
    {
        var itemType = ((ListGraphType)parent.GraphType).ResolvedType;
        if (itemType is NonNullGraphType nonNull)
        {
            itemType = nonNull.ResolvedType;
        }

        if (itemType is not IObjectGraphType objectType || parent.Result is not IList items || items.Count == 0
            || parent.Field.SelectionSet is not { } selection)
        {
            return null;
        }

        var columns = Columns(context, objectType, selection);
        if (columns is null)
        {
            return null;
        }

        var values = new object?[items.Count * columns.Length];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is null or IDataLoaderResult || (objectType.IsTypeOf is { } isTypeOf && !isTypeOf(item)))
            {
                return null;
            }

            for (var c = 0; c < columns.Length; c++)
            {
                if (!columns[c].TryRead(objectType, item, out values[(i * columns.Length) + c]))
                {
                    return null;
                }
            }
        }

        return new FlatRows(Array.ConvertAll(columns, c => c.Name), items.Count, values);
    }

    /// <summary>The response keys and readers of the selected fields, or null when one is not a plain scalar read.</summary>
    private Column[]? Columns(GraphQL.Execution.ExecutionContext context, IObjectGraphType objectType, GraphQLParser.AST.GraphQLSelectionSet selection)
    {
        var fields = CollectFieldsFrom(context, objectType, selection, null);
        var columns = new Column[fields.Count];
        var index = 0;
        foreach (var (key, (_, field)) in fields)
        {
            var type = field.ResolvedType;
            var required = type is NonNullGraphType;
            if (type is NonNullGraphType wrapped)
            {
                type = wrapped.ResolvedType;
            }

            var typeName = field.Name == "__typename";
            if (type is not ScalarGraphType scalar || (!typeName && field.Resolver is not IPureFieldResolver))
            {
                return null;
            }

            columns[index++] = new Column(key, scalar, required, typeName ? null : (IPureFieldResolver)field.Resolver!);
        }

        return columns;
    }

    /// <summary>One selected field: its response key, its scalar, whether it is non-null, and its reader (null for <c>__typename</c>).</summary>
    private sealed record Column(string Name, ScalarGraphType Scalar, bool Required, IPureFieldResolver? Reader)
    {
        public bool TryRead(IObjectGraphType type, object item, out object? value)
        {
            value = null;
            object? raw = type.Name;
            if (Reader is not null && !Reader.TryRead(item, out raw))
            {
                return false;
            }

            try
            {
                // What CompleteNodeAsync does with a value node's result.
                value = Scalar.Serialize(raw);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A value GraphQL.NET would report as this field's error: the nodes do that.
                return false;
            }

            return value is not null || !Required;
        }
    }
}
