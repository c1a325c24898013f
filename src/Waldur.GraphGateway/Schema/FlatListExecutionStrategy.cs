using System.Collections;
using GraphQL.DataLoader;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using Waldur.GraphGateway.Types;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace Waldur.GraphGateway.Schema;

/// <summary>
/// GraphQL.NET's parallel strategy for queries, except for a list of objects whose selected fields are all scalars or
/// enums read by <see cref="IPureFieldResolver"/>s, <c>__typename</c>, or lists of such objects read the same way
/// without arguments: such a list (a page's <c>nodes</c> with each image's <c>regions</c>) is read straight into
/// <see cref="FlatRows"/> instead of one node per item plus one per field and item (issue 25: those nodes were ~38% of
/// the bytes allocated per S1 request). Anything it cannot answer exactly as the nodes would (a null item, a value that
/// would be a field error, a null for a non-null field, a loader, a resolver it does not know, an argument) leaves the
/// whole list to GraphQL.NET.
/// </summary>
internal sealed class FlatListExecutionStrategy : ParallelExecutionStrategy
{
    /// <summary>What <see cref="Column.Nested"/> holds when the items' fields are not all plain reads.</summary>
    private static readonly Column[] NotPlain = new Column[1];

    protected override Task SetArrayItemNodesAsync(ExecutionContext context, ArrayExecutionNode parent)
    {
        if (parent.Result is IList items && parent.Field.SelectionSet is { } selection
            && ItemType(parent.GraphType) is { } itemType && Flat(context, itemType, selection, items) is { } rows)
        {
            parent.SerializedResult = rows;
            return Task.CompletedTask;
        }

        return base.SetArrayItemNodesAsync(context, parent);
    }

    /// <summary>The object type of a list's items, or null when they are not objects of one type.</summary>
    private static IObjectGraphType? ItemType(IGraphType? listType)
    {
        var type = (listType is NonNullGraphType nonNull ? nonNull.ResolvedType : listType) is ListGraphType list ? list.ResolvedType : null;
        return (type is NonNullGraphType item ? item.ResolvedType : type) as IObjectGraphType;
    }

    private FlatRows? Flat(ExecutionContext context, IObjectGraphType objectType, GraphQLSelectionSet selection, IList items) =>
        Columns(context, objectType, selection) is { } columns ? Flat(context, objectType, columns, items) : null;

    private FlatRows? Flat(ExecutionContext context, IObjectGraphType objectType, Column[] columns, IList items)
    {
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
                if (!TryRead(context, columns[c], objectType, item, out values[(i * columns.Length) + c]))
                {
                    return null;
                }
            }
        }

        return new FlatRows(Array.ConvertAll(columns, c => c.Name), items.Count, values);
    }

    /// <summary>The response keys and readers of the selected fields, or null when one is not a plain read.</summary>
    private Column[]? Columns(ExecutionContext context, IObjectGraphType objectType, GraphQLSelectionSet selection)
    {
        var fields = CollectFieldsFrom(context, objectType, selection, null);
        var columns = new Column[fields.Count];
        var index = 0;
        foreach (var (key, (ast, field)) in fields)
        {
            if (ColumnOf(key, ast, field) is not { } column)
            {
                return null;
            }

            columns[index++] = column;
        }

        return columns;
    }

    /// <summary>
    /// A selected field as a column: <c>__typename</c>, a scalar, or a list of objects, each read by a pure resolver the
    /// query passes no argument to (and whose arguments have no defaults: those would be passed); null for anything else.
    /// </summary>
    private static Column? ColumnOf(string key, GraphQLField ast, FieldType field)
    {
        var required = field.ResolvedType is NonNullGraphType;
        var type = field.ResolvedType is NonNullGraphType nonNull ? nonNull.ResolvedType : field.ResolvedType;
        if (field.Name == "__typename")
        {
            return new Column(key, (ScalarGraphType)type!, required, null, null, null);
        }

        if (field.Resolver is not IPureFieldResolver reader || ast.Arguments is { Count: > 0 }
            || field.Arguments?.Any(a => a.DefaultValue is not null) == true)
        {
            return null;
        }

        if (type is ScalarGraphType scalar)
        {
            return ast.SelectionSet is null ? new Column(key, scalar, required, reader, null, null) : null;
        }

        return ItemType(type) is { } itemType && ast.SelectionSet is { } nested ? new Column(key, null, required, reader, itemType, nested) : null;
    }

    /// <summary>One field's value for <paramref name="item"/>, as CompleteNodeAsync would make it; false where it would not be plain.</summary>
    private bool TryRead(ExecutionContext context, Column column, IObjectGraphType type, object item, out object? value)
    {
        value = null;
        object? raw = type.Name;
        if (column.Reader is not null && !column.Reader.TryRead(item, out raw))
        {
            return false;
        }

        if (column.ItemType is { } itemType)
        {
            // A list of objects: flat too, or the whole outer list goes to the nodes. Its columns are collected once
            // for every item of the outer list (they depend only on the selection and this request's variables).
            column.Nested ??= Columns(context, itemType, column.Selection!) ?? NotPlain;
            value = raw is IList list && !ReferenceEquals(column.Nested, NotPlain) ? Flat(context, itemType, column.Nested, list) : null;
            return raw is null ? !column.Required : value is not null;
        }

        try
        {
            // What CompleteNodeAsync does with a value node's result.
            value = column.Scalar!.Serialize(raw);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A value GraphQL.NET would report as this field's error: the nodes do that.
            return false;
        }

        return value is not null || !column.Required;
    }

    /// <summary>
    /// One selected field: its response key, whether it is non-null, its reader (null for <c>__typename</c>), and either its
    /// scalar or the object type and selection of its list's items.
    /// </summary>
    private sealed record Column(string Name, ScalarGraphType? Scalar, bool Required, IPureFieldResolver? Reader,
        IObjectGraphType? ItemType, GraphQLSelectionSet? Selection)
    {
        /// <summary>The columns of a list column's items, once collected; <see cref="NotPlain"/> when they are not plain reads.</summary>
        public Column[]? Nested { get; set; }
    }
}
