using GraphQL.Types;
using Waldur.Catalog.Model;
using Waldur.GraphGateway.Loading;

namespace Waldur.GraphGateway.Types.Resources;

/// <summary>
/// A resource's <c>where</c> input (HotChocolate's shape): <c>and</c>/<c>or</c>, an operation input per filterable scalar,
/// and a list filter per embedded list. A field Waldur filters itself says which operations go down.
/// </summary>
internal static class FilterFields
{
    public static void Add(ResourceGraph graph, CatalogGraphTypes catalog)
    {
        var filter = graph.Filter;
        filter.Field("and", new ListGraphType(new NonNullGraphType(filter)));
        filter.Field("or", new ListGraphType(new NonNullGraphType(filter)));
        var descriptor = graph.Resource.Descriptor;
        foreach (var field in graph.Resource.Endpoint.Shape.Fields.Where(ResourceFields.IsFilterable))
        {
            if (field.Nested is { } nested)
            {
                if (catalog.TryGet(nested.TypeName, out var element))
                {
                    filter.Field(field.Name, catalog.ListFilter(element, descriptor.Noun));
                }

                continue;
            }

            var note = field.Descriptor.FilterDescription ?? PushdownNote(descriptor, field.Name);
            if (field.Descriptor is { EnumValues: { } values, EnumType: { } enumType })
            {
                filter.Field(field.Name, catalog.Enums.Filter(catalog.Enums.Enum(enumType, values))).Description(note);
            }
            else
            {
                filter.Field(field.Name, ScalarGraphTypes.OperationInput(field.Kind)).Description(note);
            }
        }
    }

    /// <summary>E.g. "Waldur applies `eq` (exact) and `contains` (case-insensitive) itself."; null when it applies none.</summary>
    private static string? PushdownNote(ResourceDescriptor descriptor, string field)
    {
        var operations = descriptor.Filters.Where(f => f.Field == field).Select(f => f.Lookup switch
        {
            FilterLookup.Exact => "`eq` (exact)",
            FilterLookup.IContains => "`contains` (case-insensitive)",
            FilterLookup.After => "`gte`",
            FilterLookup.Before => "`lte`",
            FilterLookup.CsvMulti or FilterLookup.RepeatedMulti => "`in`",
            _ => "`eq`",
        }).Distinct().ToList();
        return operations.Count == 0 ? null : $"Waldur applies {string.Join(" and ", operations)} itself.";
    }
}
