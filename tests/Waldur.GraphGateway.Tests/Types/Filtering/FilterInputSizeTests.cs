using Waldur.GraphGateway.Types.Filtering;
using Xunit;

namespace Waldur.GraphGateway.Tests.Types.Filtering;

/// <summary>Terms and <c>in</c> lengths of coerced <c>where</c>/<c>order</c> values, as the limit and the cost read them.</summary>
public sealed class FilterInputSizeTests
{
    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    private static Dictionary<string, object?> Contains(string text) => Map(("name", Map(("contains", text))));

    [Fact]
    public void Every_operation_leaf_is_a_term_through_and_or_and_list_quantifiers()
    {
        var where = Map(
            ("name", Map(("contains", "a"), ("startsWith", "b"))),
            ("or", new List<object?> { Contains("c"), Map(("and", new List<object?> { Contains("d"), Contains("e") })) }),
            ("regions", Map(("some", Map(("or", new List<object?> { Contains("f"), Contains("g"), Contains("h") }))))),
            ("isOfficial", null));

        Assert.Equal(new FilterInputSize(8, 0), FilterInputSize.Of(where));
    }

    [Fact]
    public void An_in_list_is_one_term_and_its_length_is_measured_apart()
    {
        var where = Map(("name", Map(("in", new List<object?> { "a", "b", "c" }), ("nin", new List<object?>()))), ("uuid", Map(("in", new object?[] { "x" }))));

        Assert.Equal(new FilterInputSize(3, 3), FilterInputSize.Of(where));
    }

    [Fact]
    public void Empty_and_or_items_still_count_since_the_evaluator_visits_them()
    {
        var where = Map(("or", Enumerable.Range(0, 500).Select(_ => (object?)Map()).ToList()));

        Assert.Equal(500, FilterInputSize.Of(where).Terms);
    }

    [Fact]
    public void Sort_keys_are_terms()
    {
        var order = new List<object?> { Map(("name", "ASC"), ("type", "DESC")), Map(("createdAt", "ASC")) };

        Assert.Equal(3, FilterInputSize.Of(order).Terms);
        Assert.Equal(default, FilterInputSize.Of(null));
    }
}
