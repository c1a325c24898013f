using GraphQL;
using GraphQL.Types;

namespace Waldur.GraphGateway.Tests.Http;

/// <summary>
/// A small stand-in schema with paged lists, a slow field and a failing field, so the limits are tested on their
/// general rule (weights by <c>first</c>/<c>last</c>) rather than on whatever the gateway's schema holds today.
/// </summary>
public sealed class LimitsTestSchema : GraphQL.Types.Schema
{
    public LimitsTestSchema() => Query = new LimitsQueryGraphType();

    private sealed class LimitsQueryGraphType : ObjectGraphType
    {
        public LimitsQueryGraphType()
        {
            Name = "Query";
            Field<ItemConnectionGraphType>("items")
                .Argument<IntGraphType>("first")
                .Argument<IntGraphType>("last")
                .Resolve(c => Enumerable.Range(0, c.GetArgument<int?>("first") ?? c.GetArgument<int?>("last") ?? 10).ToList());
            Field<StringGraphType>("slow").ResolveAsync(async c =>
            {
                await Task.Delay(TimeSpan.FromSeconds(60), c.CancellationToken);
                return "late";
            });
            Field<StringGraphType>("boom").Resolve(_ => throw new InvalidOperationException("secret internals at /srv/db"));
        }
    }

    private sealed class ItemConnectionGraphType : ObjectGraphType<List<int>>
    {
        public ItemConnectionGraphType()
        {
            Name = "ItemConnection";
            Field<ListGraphType<ItemGraphType>>("nodes").Resolve(c => c.Source);
        }
    }

    private sealed class ItemGraphType : ObjectGraphType<int>
    {
        public ItemGraphType()
        {
            Name = "Item";
            Field<IntGraphType>("value").Resolve(c => c.Source);
            Field<ListGraphType<ItemGraphType>>("children")
                .Argument<IntGraphType>("first")
                .Resolve(c => Enumerable.Range(0, c.GetArgument<int?>("first") ?? 10));
            Field<ListGraphType<IntGraphType>>("tags").Resolve(_ => new[] { 1, 2 });
        }
    }
}
