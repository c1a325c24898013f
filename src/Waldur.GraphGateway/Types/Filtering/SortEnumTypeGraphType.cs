using GraphQL.Types;

namespace Waldur.GraphGateway.Types.Filtering;

/// <summary>HotChocolate's <c>SortEnumType</c>.</summary>
internal sealed class SortEnumTypeGraphType : EnumerationGraphType
{
    public const string Ascending = "ASC";
    public const string Descending = "DESC";

    public SortEnumTypeGraphType()
    {
        Name = "SortEnumType";
        Add(Ascending, Ascending);
        Add(Descending, Descending);
    }
}
