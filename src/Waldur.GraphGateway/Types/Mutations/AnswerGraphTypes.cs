using GraphQL.Types;
using Waldur.Catalog.Model;
using Waldur.GraphGateway.Types.Resources;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Types.Mutations;

/// <summary>
/// The object types of generated writes' answers that are no list's rows (<see cref="AnswerTypeDescriptor"/>): a row
/// shape read by <see cref="RowReader"/> like any row, and value fields as item types have them (tolerant: a value that
/// does not fit is null plus <c>UPSTREAM_FIELD_INVALID</c>). One instance per schema; writes sharing an answer share it.
/// </summary>
internal sealed class AnswerGraphTypes
{
    private readonly Dictionary<string, (RowShape Shape, ObjectGraphType<WaldurRow> Type)> _types = new(StringComparer.Ordinal);

    public (RowShape Shape, ObjectGraphType<WaldurRow> Type) For(AnswerTypeDescriptor answer)
    {
        if (_types.TryGetValue(answer.TypeName, out var known))
        {
            return known;
        }

        var shape = new RowShape(answer.TypeName);
        var fields = answer.Fields.Select((f, i) => new RowField(f, i, nested: null)).ToArray();
        shape.Complete(fields);
        var type = new ObjectGraphType<WaldurRow> { Name = answer.TypeName, Description = answer.Description };
        type.IsTypeOf = value => value is WaldurRow row && ReferenceEquals(row.Shape, shape);
        foreach (var field in fields)
        {
            ItemFields.AddScalar(type, field);
        }

        return _types[answer.TypeName] = (shape, type);
    }
}
