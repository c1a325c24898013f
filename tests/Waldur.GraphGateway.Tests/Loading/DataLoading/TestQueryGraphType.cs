using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Waldur.GraphGateway.Tests.Loading.DataLoading;

/// <summary>
/// <c>item</c> loads synchronously; <c>slowItem</c> awaits <c>delayMs</c> first (an async resolver of the same level);
/// <c>list</c> awaits <c>delayMs</c>, then returns rows and primes the loader with them, as a Waldur list would;
/// <c>other</c> uses a second loader.
/// </summary>
public sealed class TestQueryGraphType : ObjectGraphType
{
    public TestQueryGraphType()
    {
        Name = "Query";
        Field<TestItemGraphType>("item")
            .Argument<NonNullGraphType<StringGraphType>>("key")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<RecordingItemLoader>().Load(ctx.GetArgument<string>("key")));
        Field<TestItemGraphType>("other")
            .Argument<NonNullGraphType<StringGraphType>>("key")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<OtherItemLoader>().Load(ctx.GetArgument<string>("key")));
        Field<TestItemGraphType>("slowItem")
            .Argument<NonNullGraphType<StringGraphType>>("key")
            .Argument<NonNullGraphType<IntGraphType>>("delayMs")
            .ResolveAsync(async ctx =>
            {
                await Task.Delay(ctx.GetArgument<int>("delayMs"), ctx.CancellationToken);
                return ctx.RequestServices!.GetRequiredService<RecordingItemLoader>().Load(ctx.GetArgument<string>("key"));
            });
        Field<ListGraphType<TestItemGraphType>>("list")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("keys")
            .Argument<NonNullGraphType<IntGraphType>>("delayMs")
            .ResolveAsync(async ctx =>
            {
                await Task.Delay(ctx.GetArgument<int>("delayMs"), ctx.CancellationToken);
                var table = ctx.RequestServices!.GetRequiredService<TestTable>();
                var loader = ctx.RequestServices!.GetRequiredService<RecordingItemLoader>();
                var rows = ctx.GetArgument<List<string>>("keys").Select(k => table.Rows[k]).ToList();
                foreach (var row in rows)
                {
                    loader.Prime(row.Key, row);
                }

                return rows;
            });
    }
}
