using GraphQL;
using GraphQL.Types;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Types.Federation;
using Waldur.GraphGateway.Types.Relay;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Types.Resources;

/// <summary>
/// The fields of a resource's item type, in the descriptor's order after <c>id</c>: scalars as Waldur sends them, nested
/// objects of catalog resources as their types (lists of them filterable and sortable in memory), and the reverse
/// connections the descriptor declares. Every item type is a <c>Node</c> and a federation entity keyed by uuid.
/// </summary>
internal static class ItemFields
{
    public static void Add(ResourceGraph graph, CatalogGraphTypes catalog, FederationOptions federation)
    {
        var item = graph.Item;
        var typeName = graph.Resource.TypeName;
        // Every item type holds WaldurRows: the row's shape says which type it is (for Node and _entities).
        item.IsTypeOf = value => value is WaldurRow row && row.Shape.TypeName == typeName;
        if (graph.IsNode)
        {
            item.ImplementNode(typeName, row => row.Uuid);
            item.FederatedByUuid(federation, (context, uuid) => context.Loaders().ByUuid(typeName).Load(uuid));
        }

        foreach (var field in graph.Resource.Endpoint.Shape.Fields)
        {
            if (field.Nested is { } nested && catalog.TryGet(nested.TypeName, out var target))
                AddNested(graph, field, target, catalog);
            else if (field.Descriptor is { EnumValues: { } values, EnumType: { } enumType })
                AddEnum(item, field, catalog.Enums.Enum(enumType, values));
            else
                AddScalar(item, field);

            if (field.Descriptor is { ReferenceField: { } name, ReferenceOperationId: { } operation }
                && catalog.TryGetByRetrieveOperation(operation, out var referenced))
                References.Add(item, field, name, referenced);
        }

        foreach (var reverse in graph.Resource.Descriptor.ReverseConnections)
        {
            // Catalog:Include may leave the source out: then there is nothing to connect to.
            if (!catalog.TryGet(reverse.SourceType, out var source))
                continue;
            var via = reverse.ViaField;
            item.Field(reverse.Name, source.Connection)
                .Description(reverse.Description)
                .Arguments(source.ConnectionArguments())
                .Resolve(c => ReverseConnections.Load(c, source.Resource, via, c.Source.Uuid));
        }

        foreach (var nested in catalog.NestedIn(typeName))
            NestedConnections.Add(item, nested);
    }

    private static void AddScalar(ObjectGraphType<WaldurRow> item, RowField field)
    {
        var index = field.Index;
        var name = field.Name;
        var builder = item.Field(name, ScalarGraphTypes.OutputType(field)).Description(field.Descriptor.Description);
        if (field.Kind == Waldur.Catalog.Model.ValueKind.Int)
            builder.Resolve(c => c.Source[index] switch
            {
                long value => ToInt(value, name),
                IReadOnlyList<object?> values => values.Select(v => v is long l ? ToInt(l, name) : (object?)null).ToList(),
                _ => null,
            });
        else
            builder.Resolve(c => c.Source[index]);
    }

    private static void AddEnum(ObjectGraphType<WaldurRow> item, RowField field, EnumerationGraphType type)
    {
        var index = field.Index;
        IGraphType output = field.IsList ? new ListGraphType(type) : type;
        // Waldur writes "" for an unset choice its schema allows as blank (BlankEnum): that is no value, not a value.
        item.Field(field.Name, field.Nullable ? output : new NonNullGraphType(output))
            .Description(field.Descriptor.Description)
            .Resolve(c => c.Source[index] is "" ? null : c.Source[index]);
    }

    private static void AddNested(ResourceGraph graph, RowField field, ResourceGraph target, CatalogGraphTypes catalog)
    {
        var index = field.Index;
        IGraphType type = field.IsList ? new ListGraphType(new NonNullGraphType(target.Item)) : target.Item;
        var builder = graph.Item.Field(field.Name, field.Nullable ? type : new NonNullGraphType(type)).Description(field.Descriptor.Description);
        if (!field.IsList)
        {
            builder.Resolve(c => c.Source[index]);
            return;
        }

        // The filter input is built here so the owner's noun words the list filter (HotChocolate names it by element).
        catalog.ListFilter(target, graph.Resource.Descriptor.Noun);
        builder
            .Argument(target.Filter, "where")
            .Argument(new ListGraphType(new NonNullGraphType(target.Sort)), "order")
            .Resolve(c => c.Source[index] is IReadOnlyList<WaldurRow> rows
                ? NestedRows.Select(rows, target.Resource, c.GetArgument<object?>("where"), c.GetArgument<object?>("order"))
                : null);
    }

    /// <summary>GraphQL's Int is 32-bit; a wider value from Waldur fails its field rather than wrapping.</summary>
    private static int ToInt(long value, string field) => value is >= int.MinValue and <= int.MaxValue
        ? (int)value
        : throw new GatewayException(ErrorCodes.UpstreamInvalidResponse, $"Waldur sent {value} for `{field}`, outside GraphQL's 32-bit Int.");
}
