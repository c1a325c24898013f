using Waldur.GraphGateway.Loading.Filtering;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading.Filtering;

/// <summary>
/// <see cref="FilterEvaluator"/> against <see cref="FilterOracle"/> (whose doc comment states the semantics) on
/// random rows and filters. Seeds are fixed; a failure prints the seed, the case, the filter and the row.
/// </summary>
public sealed class FilterEvaluatorPropertyTests
{
    private const int CasesPerOperation = 600;

    public static TheoryData<string, string, string, int> EveryFieldAndOperation()
    {
        var data = new TheoryData<string, string, string, int>();
        var seed = 100;
        foreach (var (field, kind) in RandomModel.RowScalars)
        {
            foreach (var operation in RandomModel.OperationsOf(kind))
            {
                data.Add(field, kind, operation, seed++);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryFieldAndOperation))]
    public void Every_operation_on_every_field_kind_agrees_with_the_oracle(string field, string kind, string operation, int seed)
    {
        var model = new RandomModel(new Random(seed));
        var outcomes = new int[2];
        var nullRowsMatched = 0;
        for (var i = 0; i < CasesPerOperation; i++)
        {
            var filter = model.Leaf(field, kind, operation);
            var row = model.Row(i);
            var expected = Check(seed, i, filter, row);
            outcomes[expected ? 1 : 0]++;
            nullRowsMatched += expected && FieldValue(row, field) is null ? 1 : 0;
        }

        // Not vacuous: both outcomes happen for every operation.
        Assert.True(outcomes[0] > 0 && outcomes[1] > 0, $"seed {seed}: {field}.{operation} matched {outcomes[1]} of {CasesPerOperation}");
        if (operation[0] == 'n')
        {
            Assert.True(nullRowsMatched > 0, $"seed {seed}: {field}.{operation} never matched a null value");
        }
    }

    [Theory]
    [InlineData("some", 201)]
    [InlineData("all", 202)]
    [InlineData("none", 203)]
    [InlineData("any", 204)]
    public void Every_list_quantifier_agrees_with_the_oracle(string quantifier, int seed)
    {
        var model = new RandomModel(new Random(seed));
        var outcomes = new int[2];
        var emptyOrNullLists = 0;
        for (var i = 0; i < CasesPerOperation; i++)
        {
            var filter = model.ListFilter(depth: 2, quantifier);
            var row = model.Row(i);
            outcomes[Check(seed, i, filter, row) ? 1 : 0]++;
            emptyOrNullLists += row.Tags is null or { Count: 0 } ? 1 : 0;
        }

        Assert.True(outcomes[0] > 0 && outcomes[1] > 0, $"seed {seed}: {quantifier} matched {outcomes[1]} of {CasesPerOperation}");
        Assert.True(emptyOrNullLists > 0, $"seed {seed}: no empty list came up");
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    public void Random_nested_filters_agree_with_the_oracle(int seed)
    {
        var model = new RandomModel(new Random(seed));
        var rows = Enumerable.Range(0, 40).Select(model.Row).ToList();
        for (var i = 0; i < 1500; i++)
        {
            var filter = model.Chance(0.02) ? null : model.Node(depth: 3);
            Check(seed, i, filter, rows[i % rows.Count]);
        }
    }

    [Fact]
    public void Empty_and_matches_everything_and_empty_or_nothing()
    {
        var model = new RandomModel(new Random(401));
        for (var i = 0; i < 200; i++)
        {
            var row = model.Row(i);
            Assert.True(FilterEvaluator.Matches(new AllOfFilter([]), row, PropertyRow.Fields), $"seed 401, case {i}: and[] on {row}");
            Assert.False(FilterEvaluator.Matches(new AnyOfFilter([]), row, PropertyRow.Fields), $"seed 401, case {i}: or[] on {row}");
            Assert.True(FilterEvaluator.Matches(null, row, PropertyRow.Fields));
        }
    }

    [Fact]
    public void List_quantifiers_over_an_empty_or_missing_list()
    {
        foreach (var tags in new[] { null, Array.Empty<PropertyTag>() })
        {
            var row = new PropertyRow("u", null, null, null, null, tags);
            var never = new FieldFilter("key", "in", Array.Empty<object?>());
            Assert.True(Matches(new ListFieldFilter("tags", "all", never), row));
            Assert.False(Matches(new ListFieldFilter("tags", "some", null), row));
            Assert.True(Matches(new ListFieldFilter("tags", "none", null), row));
            Assert.False(Matches(new ListFieldFilter("tags", "any", null, AnyValue: true), row));
            Assert.True(Matches(new ListFieldFilter("tags", "any", null, AnyValue: false), row));
        }

        var one = new PropertyRow("u", null, null, null, null, [new PropertyTag("k", 1, null)]);
        Assert.True(Matches(new ListFieldFilter("tags", "any", null, AnyValue: true), one));
        Assert.False(Matches(new ListFieldFilter("tags", "any", null, AnyValue: false), one));
        Assert.True(Matches(new ListFieldFilter("tags", "all", new FieldFilter("key", "eq", "k")), one));
        Assert.False(Matches(new ListFieldFilter("tags", "all", new FieldFilter("key", "eq", "K")), one));
        Assert.True(Matches(new ListFieldFilter("tags", "some", new FieldFilter("key", "contains", "K")), one));
    }

    [Fact]
    public void Unknown_operations_quantifiers_and_fields_are_errors_not_silent_misses()
    {
        var row = new PropertyRow("u", "x", true, 1, null, []);
        // Each error says what it did not know.
        var operation = Assert.Throws<ArgumentOutOfRangeException>(() => Matches(new FieldFilter("name", "like", "x"), row));
        Assert.StartsWith("Unknown filter operation", operation.Message, StringComparison.Ordinal);
        Assert.Equal("like", operation.ActualValue);
        var quantifier = Assert.Throws<ArgumentOutOfRangeException>(() => Matches(new ListFieldFilter("tags", "every", null), row));
        Assert.StartsWith("Unknown list quantifier", quantifier.Message, StringComparison.Ordinal);
        Assert.Equal("every", quantifier.ActualValue);
        var node = Assert.Throws<ArgumentOutOfRangeException>(() => Matches(new UnknownNode(), row));
        Assert.StartsWith("Unknown filter node", node.Message, StringComparison.Ordinal);
        var unknown = Assert.Throws<ArgumentException>(() => Matches(new FieldFilter("nmae", "eq", "x"), row));
        Assert.Contains("nmae", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comparisons_without_an_order_are_false_and_their_negations_true()
    {
        // Outside the parser's contract (it never sends these), but the evaluator must not throw or guess: a null
        // operand or an operand of another type has no order with the value.
        var model = new RandomModel(new Random(402));
        object?[] unordered = [null, "3", 3, true];
        for (var i = 0; i < 300; i++)
        {
            var row = model.Row(i) with { Size = model.Number(), Created = model.Instant() };
            foreach (var field in new[] { "size", "created" })
            {
                foreach (var operand in unordered.Append(field == "size" ? model.Instant() : model.Number()))
                {
                    foreach (var operation in new[] { "gt", "gte", "lt", "lte" })
                    {
                        var description = $"seed 402, case {i}: {field}.{operation}({Show.Value(operand)}) on {row}";
                        Assert.False(Matches(new FieldFilter(field, operation, operand), row), description);
                        Assert.True(Matches(new FieldFilter(field, "n" + operation, operand), row), description);
                    }
                }
            }
        }
    }

    [Fact]
    public void A_field_set_lists_its_fields_by_name()
    {
        Assert.Equal(["created", "flag", "name", "size", "tags"], PropertyRow.Fields.All.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Same(PropertyRow.TagFields, PropertyRow.Fields["tags"].Elements);
        Assert.Throws<ArgumentException>(() => PropertyRow.Fields["Name"]);
    }

    [Fact]
    public void Each_field_kind_offers_hot_chocolates_operations()
    {
        Assert.Equal(RandomModel.TextOperations.Order(StringComparer.Ordinal), FilterOperations.Text.Order(StringComparer.Ordinal));
        Assert.Equal(RandomModel.BooleanOperations.Order(StringComparer.Ordinal), FilterOperations.Boolean.Order(StringComparer.Ordinal));
        Assert.Equal(RandomModel.ComparableOperations.Order(StringComparer.Ordinal), FilterOperations.Comparable.Order(StringComparer.Ordinal));
    }

    private sealed record UnknownNode : FilterNode;

    private static bool Matches(FilterNode? filter, PropertyRow row) => FilterEvaluator.Matches(filter, row, PropertyRow.Fields);

    private static object? FieldValue(PropertyRow row, string field) => field switch
    {
        "name" => row.Name,
        "flag" => row.Flag,
        "size" => row.Size,
        _ => row.Created,
    };

    private static bool Check(int seed, int i, FilterNode? filter, PropertyRow row)
    {
        var expected = FilterOracle.Matches(filter, row);
        var actual = FilterEvaluator.Matches(filter, row, PropertyRow.Fields);
        if (expected != actual)
        {
            Assert.Fail($"seed {seed}, case {i}: {Show.Filter(filter)} on {row}: the oracle says {expected}, the evaluator {actual}");
        }

        return expected;
    }
}
