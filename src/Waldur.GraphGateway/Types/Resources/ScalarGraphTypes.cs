using GraphQL.Types;
using Waldur.Catalog.Model;
using Waldur.GraphGateway.Types.Filtering;
using Waldur.GraphGateway.Types.Scalars;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Types.Resources;

/// <summary>Which GraphQL types carry a scalar field's values, and which operation input filters them.</summary>
internal static class ScalarGraphTypes
{
    /// <summary>
    /// The field's output type: the scalar, in a list when it is one; nullable (a value Waldur sent in another shape is a
    /// field error, ItemFields), except the row's uuid, which the reader never lets through absent.
    /// </summary>
    public static Type OutputType(RowField field)
    {
        var type = Scalar(field.Kind);
        if (field.IsList)
        {
            type = typeof(ListGraphType<>).MakeGenericType(type);
        }

        return field.IsKey ? typeof(NonNullGraphType<>).MakeGenericType(type) : type;
    }

    public static Type OperationInput(ValueKind kind) => kind switch
    {
        ValueKind.String => typeof(StringOperationFilterInputGraphType),
        ValueKind.Boolean => typeof(BooleanOperationFilterInputGraphType),
        ValueKind.Int => typeof(IntOperationFilterInputGraphType),
        ValueKind.Float => typeof(FloatOperationFilterInputGraphType),
        ValueKind.DateTime => typeof(DateTimeOperationFilterInputGraphType),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a filterable scalar."),
    };

    private static Type Scalar(ValueKind kind) => kind switch
    {
        ValueKind.Boolean => typeof(BooleanGraphType),
        ValueKind.Int => typeof(IntGraphType),
        ValueKind.Float => typeof(FloatGraphType),
        ValueKind.DateTime => typeof(UtcDateTimeGraphType),
        // Free-form objects travel as their JSON text.
        _ => typeof(StringGraphType),
    };
}
