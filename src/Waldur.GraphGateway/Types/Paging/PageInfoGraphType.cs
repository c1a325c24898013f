using GraphQL.Types;
using Waldur.GraphGateway.Loading;

namespace Waldur.GraphGateway.Types.Paging;

/// <summary>HotChocolate's <c>PageInfo</c>.</summary>
internal sealed class PageInfoGraphType : ObjectGraphType<ConnectionPageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Information about pagination in a connection.";
        Field(p => p.HasNextPage).Description("Indicates whether more edges exist following the set defined by the clients arguments.");
        Field(p => p.HasPreviousPage).Description("Indicates whether more edges exist prior the set defined by the clients arguments.");
        Field(p => p.StartCursor, nullable: true).Description("When paginating backwards, the cursor to continue.");
        Field(p => p.EndCursor, nullable: true).Description("When paginating forwards, the cursor to continue.");
    }
}
