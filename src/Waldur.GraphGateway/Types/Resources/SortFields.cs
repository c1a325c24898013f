using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Types.Filtering;

namespace Waldur.GraphGateway.Types.Resources;

/// <summary>A resource's <c>order</c> input: one <c>SortEnumType</c> per sortable scalar; ties always break by uuid.</summary>
internal static class SortFields
{
    public static void Add(ResourceGraph graph)
    {
        foreach (var field in graph.Resource.Endpoint.Shape.Fields.Where(ResourceFields.IsSortable))
        {
            graph.Sort.Field<SortEnumTypeGraphType>(field.Name);
        }
    }
}
