using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
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
            {
                AddNested(graph, field, target, catalog);
            }
            else if (field.Descriptor is { EnumValues: { } values, EnumType: { } enumType })
            {
                AddEnum(item, field, catalog.Enums.Enum(enumType, values));
            }
            else
            {
                AddScalar(item, field);
            }

            if (field.Descriptor is { ReferenceField: { } name, ReferenceOperationId: { } operation }
                && catalog.TryGetByRetrieveOperation(operation, out var referenced))
            {
                References.Add(item, field, name, referenced);
            }
        }

        foreach (var reverse in graph.Resource.Descriptor.ReverseConnections)
        {
            // Catalog:Include may leave the source out: then there is nothing to connect to.
            if (!catalog.TryGet(reverse.SourceType, out var source))
            {
                continue;
            }

            var via = reverse.ViaField;
            // The ancestors this row holds: the child rows of several parents sharing one may be one request.
            var ancestors = reverse.AncestorFields.Select(f => graph.Resource.Endpoint.Shape.TryGetField(f, out var held) ? held : null)
                .OfType<RowField>().ToList();
            item.Field(reverse.Name, source.Connection)
                .Description(reverse.Description)
                .Arguments(source.ConnectionArguments())
                .Resolve(c => ReverseConnections.Load(c, source, new Loading.ReverseParent(via, c.Source.Uuid,
                    [.. ancestors.Select(a => KeyValuePair.Create(a.Name, c.Source[a.Index] as string))])));
        }

        foreach (var nested in catalog.NestedIn(typeName))
        {
            NestedConnections.Add(item, nested);
        }
    }

    internal static void AddScalar(ObjectGraphType<WaldurRow> item, RowField field)
    {
        var index = field.Index;
        var builder = item.Field(field.Name, ScalarGraphTypes.OutputType(field)).Description(field.Descriptor.Description);
        Tolerant(builder, field);
        builder.FieldType.Resolver = field.Kind == Waldur.Catalog.Model.ValueKind.Int
            ? new PureFieldResolver<WaldurRow>((WaldurRow row, out object? value) => Fits(row, index, out value) && ReadInt(row[index], out value),
                (context, row) => UpstreamFieldErrors.Value(context, row, index) switch
                {
                    long value => ToInt(context, row, value),
                    IReadOnlyList<object?> values => values.Select(v => v is long l ? ToInt(context, row, l) : null).ToList(),
                    _ => null,
                })
            : new PureFieldResolver<WaldurRow>((WaldurRow row, out object? value) => Fits(row, index, out value) && Keep(row[index], out value),
                (context, row) => UpstreamFieldErrors.Value(context, row, index));
    }

    private static void AddEnum(ObjectGraphType<WaldurRow> item, RowField field, EnumerationGraphType type)
    {
        var index = field.Index;
        IGraphType output = field.IsList ? new ListGraphType(type) : type;
        var known = field.Descriptor.EnumValues!.ToHashSet(StringComparer.Ordinal);
        var builder = item.Field(field.Name, output).Description(field.Descriptor.Description);
        Tolerant(builder, field);
        // Waldur writes "" for an unset choice its schema allows as blank (BlankEnum): that is no value, not a value.
        // A value this catalog does not know (another Waldur version's choice) fails the field, not the row.
        builder.FieldType.Resolver = new PureFieldResolver<WaldurRow>((WaldurRow row, out object? value) => Fits(row, index, out value) && ReadChoice(row[index], known, out value),
            (context, row) => UpstreamFieldErrors.Value(context, row, index) switch
            {
                "" => null,
                string value when !known.Contains(value) => Unknown(context, row, value),
                IReadOnlyList<object?> values when values.FirstOrDefault(v => v is string s && !known.Contains(s)) is string value => Unknown(context, row, value),
                var value => value,
            });

        object? Unknown(IResolveFieldContext context, WaldurRow row, string value)
        {
            UpstreamFieldErrors.Report(context, row.Shape.TypeName,
                $"`{field.Descriptor.JsonName}` is \"{value}\", not one of the values Waldur documents");
            return null;
        }
    }

    /// <summary>Whether Waldur's value at the slot fitted (<see cref="WaldurRow.ProblemAt"/>); the rest is the field's error path.</summary>
    private static bool Fits(WaldurRow row, int index, out object? value)
    {
        value = null;
        return !row.HasProblems || row.ProblemAt(index) is null;
    }

    private static bool Keep(object? raw, out object? value)
    {
        value = raw;
        return true;
    }

    /// <summary>An Int slot read without an error: a 32-bit value or none (a list or a wider value takes the error path).</summary>
    private static bool ReadInt(object? raw, out object? value)
    {
        value = raw is long l ? (int)l : null;
        return raw is not IReadOnlyList<object?> && (raw is not long wide || wide is >= int.MinValue and <= int.MaxValue);
    }

    /// <summary>An enum slot read without an error: a documented choice, or none for "" (a list or an unknown choice takes the error path).</summary>
    private static bool ReadChoice(object? raw, HashSet<string> known, out object? value)
    {
        value = raw is "" ? null : raw;
        return raw is not IReadOnlyList<object?> && (raw is not string choice || choice.Length == 0 || known.Contains(choice));
    }

    private static void AddNested(ResourceGraph graph, RowField field, ResourceGraph target, CatalogGraphTypes catalog)
    {
        var index = field.Index;
        IGraphType type = field.IsList ? new ListGraphType(new NonNullGraphType(target.Item)) : target.Item;
        var builder = graph.Item.Field(field.Name, type).Description(field.Descriptor.Description);
        Tolerant(builder, field);
        if (!field.IsList)
        {
            builder.Resolve(c => UpstreamFieldErrors.Value(c, index));
            return;
        }

        // The filter input is built here so the owner's noun words the list filter (HotChocolate names it by element).
        catalog.ListFilter(target, graph.Resource.Descriptor.Noun);
        builder
            .Argument(target.Filter, "where")
            .Argument(new ListGraphType(new NonNullGraphType(target.Sort)), "order")
            .FieldType.Resolver = new PureFieldResolver<WaldurRow>(
                // Without `where` and `order` the list is the rows as read (NestedRows.Select's own shortcut).
                (WaldurRow row, out object? value) => Fits(row, index, out value) && Keep(row[index] as IReadOnlyList<WaldurRow>, out value),
                (context, row) => UpstreamFieldErrors.Value(context, row, index) is IReadOnlyList<WaldurRow> rows
                    ? NestedRows.Select(rows, target.Resource, context.GetArgument<object?>("where"), context.GetArgument<object?>("order"))
                    : null);
    }

    /// <summary>
    /// Every value field is nullable in the schema, so that a value Waldur sent in another shape fails only its field
    /// (<see cref="UpstreamFieldErrors"/>); one Waldur documents as always set says so with <c>@semanticNonNull</c>.
    /// The uuid is not a value field: the reader keys rows by it strictly, and leaves out a row without one.
    /// </summary>
    private static void Tolerant<TSource, TReturn>(FieldBuilder<TSource, TReturn> builder, RowField field)
    {
        if (!field.Nullable && !field.IsKey)
        {
            builder.ApplyDirective(SemanticNonNullDirective.DirectiveName);
        }
    }

    /// <summary>GraphQL's Int is 32-bit; a wider value from Waldur fails its field rather than wrapping.</summary>
    private static int? ToInt(IResolveFieldContext context, WaldurRow row, long value)
    {
        if (value is >= int.MinValue and <= int.MaxValue)
        {
            return (int)value;
        }

        UpstreamFieldErrors.Report(context, row.Shape.TypeName, $"{value} is outside GraphQL's 32-bit Int");
        return null;
    }
}
