using Waldur.Catalog.Model;
using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading;

/// <summary>
/// The fields of a row shape the gateway can filter and sort: scalars by their kind, and lists of nested objects
/// (filtered with <c>some/all/none/any</c> over the nested resource's own fields). Free-form JSON, single nested
/// objects and lists of scalars are neither filtered nor sorted.
/// </summary>
internal static class ResourceFields
{
    public static FieldSet For(RowShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var fields = new List<FieldDefinition>();
        foreach (var field in shape.Fields)
        {
            var index = field.Index;
            object? Get(object row) => ((WaldurRow)row)[index];
            if (field is { IsList: true, Nested: { } nested })
            {
                fields.Add(new FieldDefinition(field.Name, FieldKind.List, Get, For(nested)));
            }
            else if (!field.IsList && KindOf(field.Kind) is { } kind)
            {
                fields.Add(new FieldDefinition(field.Name, kind, Get));
            }
        }
        return new FieldSet([.. fields]);
    }

    public static bool IsFilterable(RowField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Descriptor.Filterable && (field is { IsList: true, Nested: not null } || (!field.IsList && KindOf(field.Kind) is not null));
    }

    public static bool IsSortable(RowField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Descriptor.Sortable && !field.IsList && KindOf(field.Kind) is not null;
    }

    private static FieldKind? KindOf(ValueKind kind) => kind switch
    {
        ValueKind.String => FieldKind.Text,
        ValueKind.Boolean => FieldKind.Boolean,
        ValueKind.Int or ValueKind.Float or ValueKind.DateTime => FieldKind.Comparable,
        _ => null,
    };
}
