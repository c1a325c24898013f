using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Waldur.GraphGateway.Tests.Loading.DataLoading;

public sealed class TestItemGraphType : ObjectGraphType<TestItem>
{
    public TestItemGraphType()
    {
        Name = "Item";
        Field(x => x.Key);
        Field(x => x.Value);
        Field<TestItemGraphType>("next").Resolve(ctx =>
            ctx.Source.Next is null ? null : ctx.RequestServices!.GetRequiredService<RecordingItemLoader>().Load(ctx.Source.Next));
    }
}
