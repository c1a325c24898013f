using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Waldur.GraphGateway.Schema;
using Waldur.GraphGateway.Types;
using Xunit;

namespace Waldur.GraphGateway.Tests.Schema;

/// <summary>
/// A list of plain objects is answered as <see cref="FlatRows"/>, and the response is byte for byte what GraphQL.NET's
/// own parallel strategy writes, for the lists it takes and for every list it leaves to GraphQL.NET.
/// </summary>
public sealed class FlatListExecutionStrategyTests
{
    public static TheoryData<string> Documents() =>
    [
        "{ items { name size kind } }",
        "query($s: Boolean = true) { items { __typename a: name ...F size @skip(if: $s) b: size } } fragment F on Item { kind name }",
        "query($s: Boolean = false) { items { name size @include(if: $s) } }",
        "{ items { ... on Item { name } } }",
        "{ items(set: WIDE) { name size } }",
        "{ items(set: UNNAMED) { name } }",
        "{ items { name shout } }",
        "{ items(set: EMPTY) { name } }",
        "{ maybe { name } }",
        "{ items { name } more: items(set: WIDE) { kind } }",
        "{ items { name parts { name p: __typename } } }",
        "{ items { name parts(limit: 1) { name } } }",
        "{ items { parts { name shout } } }",
        "{ items(set: WIDE) { parts { name } } }",
        "{ items { name parts { name @skip(if: true) } } }",
    ];

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Writes_what_the_parallel_strategy_writes(string document)
    {
        var flat = await ExecuteAsync(document, new FlatListExecutionStrategy());
        var parallel = await ExecuteAsync(document, ParallelExecutionStrategy.Instance);

        Assert.True(flat.Executed, Serialize(flat));
        Assert.Equal(Serialize(parallel), Serialize(flat));
    }

    [Theory]
    [InlineData("{ items { name size kind } }", true)]
    [InlineData("{ items { __typename n: name ...on Item { kind } } }", true)]
    [InlineData("{ items(set: WIDE) { name size } }", false)]
    [InlineData("{ items(set: WIDE) { name } }", true)]
    [InlineData("{ items(set: UNNAMED) { name } }", false)]
    [InlineData("{ items { name shout } }", false)]
    [InlineData("{ maybe { name } }", false)]
    [InlineData("{ items { name parts { name } } }", true)]
    [InlineData("{ items { name parts(limit: 1) { name } } }", false)]
    [InlineData("{ items { parts { shout } } }", false)]
    public async Task Takes_a_list_only_when_every_item_and_field_reads_without_an_error(string document, bool flat)
    {
        var result = await ExecuteAsync(document, new FlatListExecutionStrategy());

        Assert.True(result.Executed, Serialize(result));
        // A null for a non-null name nulls the whole answer (no data at all): GraphQL.NET's nodes did that.
        var list = (result.Data as RootExecutionNode)?.SubFields?[0] as ArrayExecutionNode;
        Assert.Equal(flat, list?.SerializedResult is FlatRows);
    }

    [Fact]
    public async Task Enumerated_flat_rows_are_the_items_as_dictionaries()
    {
        var result = await ExecuteAsync("{ items { n: name size } }", new FlatListExecutionStrategy());

        var rows = Assert.IsType<FlatRows>(((ArrayExecutionNode)((RootExecutionNode)result.Data!).SubFields![0]).SerializedResult);
        var items = rows.Cast<Dictionary<string, object?>>().ToList();
        Assert.Equal(["a", "b", "c"], items.Select(i => i["n"]));
        Assert.Equal([1, 2, null], items.Select(i => i["size"]));
    }

    private static string Serialize(ExecutionResult result)
    {
        var options = new System.Text.Json.JsonSerializerOptions();
        options.Converters.Add(new FlatRowsJsonConverter());
        return new GraphQLSerializer(options).Serialize(result);
    }

    private static Task<ExecutionResult> ExecuteAsync(string document, IExecutionStrategy strategy) =>
        new DocumentExecuter(new GraphQLDocumentBuilder(), new DocumentValidator(),
                new DefaultExecutionStrategySelector([new ExecutionStrategyRegistration(strategy, OperationType.Query)]), [])
            .ExecuteAsync(new ExecutionOptions { Schema = new ItemSchema(), Query = document });

    private sealed record Item(string? Name, long? Size, string Kind, Part[]? Parts = null);

    private sealed record Part(string Name);

    private sealed class ItemSchema : GraphQL.Types.Schema
    {
        private static readonly Item[] Plain =
        [
            new("a", 1, "BIG", [new("a1"), new("a2")]), new("b", 2, "SMALL", []), new("c", null, "BIG"),
        ];

        public ItemSchema()
        {
            var set = new EnumerationGraphType { Name = "Set" };
            foreach (var name in (string[])["PLAIN", "WIDE", "UNNAMED", "EMPTY"])
            {
                set.Add(name, name);
            }

            var item = new ItemType();
            var query = new ObjectGraphType { Name = "Query" };
            query.Field("items", new NonNullGraphType(new ListGraphType(new NonNullGraphType(item))))
                .Argument(set, "set")
                .Resolve(c => c.GetArgument("set", "PLAIN") switch
                {
                    "WIDE" => [.. Plain, new("d", 1L << 40, "SMALL", [new("d1")])],
                    "UNNAMED" => [.. Plain, new(null, 3, "SMALL")],
                    "EMPTY" => [],
                    _ => Plain,
                });
            query.Field("maybe", new ListGraphType(item)).Resolve(_ => new Item?[] { Plain[0], null });
            Query = query;
        }
    }

    private sealed class ItemType : ObjectGraphType<Item>
    {
        public ItemType()
        {
            Name = "Item";
            var kind = new EnumerationGraphType { Name = "Kind" };
            kind.Add("BIG", "BIG");
            kind.Add("SMALL", "SMALL");
            Field<NonNullGraphType<StringGraphType>>("name").FieldType.Resolver = new PureFieldResolver<Item>((Item item, out object? value) =>
            {
                value = item.Name;
                return true;
            });
            // An Int read fails past 32 bits, as the gateway's do: the error path reports it.
            Field<IntGraphType>("size").FieldType.Resolver = new PureFieldResolver<Item>((Item item, out object? value) =>
                {
                    value = item.Size is { } size and >= int.MinValue and <= int.MaxValue ? (int)size : null;
                    return item.Size is null or (>= int.MinValue and <= int.MaxValue);
                },
                (context, item) =>
                {
                    context.Errors.Add(new ExecutionError($"{item.Size} is too wide") { Path = context.ResponsePath });
                    return null;
                });
            Field("kind", kind).FieldType.Resolver = new PureFieldResolver<Item>((Item item, out object? value) =>
            {
                value = item.Kind;
                return true;
            });
            Field<StringGraphType>("shout").Resolve(c => c.Source.Name?.ToUpperInvariant());
            // Read as is without arguments; `limit` makes it the general resolver's.
            Field("parts", new ListGraphType(new NonNullGraphType(new PartType())))
                .Argument<IntGraphType>("limit")
                .FieldType.Resolver = new PureFieldResolver<Item>((Item item, out object? value) =>
                    {
                        value = item.Parts;
                        return true;
                    },
                    (context, item) => item.Parts?.Take(context.GetArgument("limit", int.MaxValue)).ToList());
        }
    }

    private sealed class PartType : ObjectGraphType<Part>
    {
        public PartType()
        {
            Name = "Part";
            Field<NonNullGraphType<StringGraphType>>("name").FieldType.Resolver = new PureFieldResolver<Part>((Part part, out object? value) =>
            {
                value = part.Name;
                return true;
            });
            Field<StringGraphType>("shout").Resolve(c => c.Source.Name.ToUpperInvariant());
        }
    }
}
