using Waldur.Catalog.Model;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.Filtering;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading.Filtering;

/// <summary>How each <see cref="FilterLookup"/> writes (or refuses) a value: one rule per test, built by hand.</summary>
public class FilterSplitterLoadingTests
{
    private const string Canonical = "0123456789abcdef0123456789abcdef";
    private const string Canonical2 = "fedcba9876543210fedcba9876543210";

    private static FilterSplit Split(FilterNode filter, params PushdownRule[] rules) => FilterSplitter.Split(filter, rules);

    private static void AssertPushed(FilterSplit split, string parameter, params string[] values)
    {
        Assert.Equal([parameter], split.Pushdown.Keys);
        Assert.Equal(values, split.Pushdown[parameter].ToArray());
        Assert.Null(split.Residual);
        Assert.Empty(split.ResidualFields);
    }

    private static void AssertResidual(FilterSplit split, FilterNode filter)
    {
        Assert.Empty(split.Pushdown);
        Assert.Equal(filter, split.Residual);
    }

    [Theory]
    [InlineData(true, "true")]
    [InlineData(false, "false")]
    public void Boolean_writes_true_or_false(bool value, string expected)
    {
        var split = Split(new FieldFilter("archived", "eq", value), new PushdownRule("archived", "eq", "archived", FilterLookup.Boolean));
        AssertPushed(split, "archived", expected);
    }

    [Fact]
    public void Boolean_refuses_text_and_integers()
    {
        var rule = new PushdownRule("archived", "eq", "archived", FilterLookup.Boolean);
        var text = new FieldFilter("archived", "eq", "true");
        AssertResidual(Split(text, rule), text);
        var number = new FieldFilter("archived", "eq", 1L);
        AssertResidual(Split(number, rule), number);
    }

    [Fact]
    public void Exact_refuses_a_Boolean()
    {
        var filter = new FieldFilter("name", "eq", true);
        AssertResidual(Split(filter, new PushdownRule("name", "eq", "name_exact")), filter);
    }

    [Theory]
    [InlineData(FilterLookup.After, "gte")]
    [InlineData(FilterLookup.Before, "lte")]
    public void After_and_before_write_utc_iso_with_microseconds(FilterLookup lookup, string operation)
    {
        var moment = new DateTimeOffset(2024, 3, 5, 7, 8, 9, TimeSpan.FromHours(2)).AddTicks(1234560);
        var split = Split(new FieldFilter("created", operation, moment), new PushdownRule("created", operation, "created", lookup));
        AssertPushed(split, "created", "2024-03-05T05:08:09.123456Z");
    }

    [Fact]
    public void Csv_multi_joins_with_commas()
    {
        var split = Split(new FieldFilter("customerUuid", "in", new List<object?> { Canonical, Canonical2 }),
            new PushdownRule("customerUuid", "in", "customer", FilterLookup.CsvMulti));
        AssertPushed(split, "customer", $"{Canonical},{Canonical2}");
    }

    [Fact]
    public void Csv_multi_text_joins_with_commas()
    {
        var split = Split(new FieldFilter("slug", "in", new List<object?> { "a", "b", "c" }),
            new PushdownRule("slug", "in", "offering_slug", FilterLookup.CsvMulti));
        AssertPushed(split, "offering_slug", "a,b,c");
    }

    [Theory]
    [InlineData("a,b", "c")]
    [InlineData("c", "a,b")]
    [InlineData("a", "")]
    [InlineData("", "a")]
    [InlineData("a", " b")]
    public void Csv_multi_refuses_commas_and_unplain_items(string first, string second)
    {
        var filter = new FieldFilter("slug", "in", new List<object?> { first, second });
        AssertResidual(Split(filter, new PushdownRule("slug", "in", "offering_slug", FilterLookup.CsvMulti)), filter);
    }

    [Fact]
    public void Csv_multi_refuses_non_text_items()
    {
        var filter = new FieldFilter("slug", "in", new List<object?> { "a", 3L });
        AssertResidual(Split(filter, new PushdownRule("slug", "in", "offering_slug", FilterLookup.CsvMulti)), filter);
    }

    [Theory]
    [InlineData(FilterLookup.CsvMulti)]
    [InlineData(FilterLookup.RepeatedMulti)]
    public void Multi_refuses_an_empty_list(FilterLookup lookup)
    {
        var filter = new FieldFilter("state", "in", new List<object?>());
        AssertResidual(Split(filter, new PushdownRule("state", "in", "state", lookup)), filter);
    }

    [Fact]
    public void Csv_multi_eq_takes_one_value_without_a_comma()
    {
        var rule = new PushdownRule("slug", "eq", "offering_slug", FilterLookup.CsvMulti);
        AssertPushed(Split(new FieldFilter("slug", "eq", "a"), rule), "offering_slug", "a");
        var comma = new FieldFilter("slug", "eq", "a,b");
        AssertResidual(Split(comma, rule), comma);
    }

    [Fact]
    public void Exact_text_may_hold_a_comma()
    {
        var split = Split(new FieldFilter("name", "eq", "a,b"), new PushdownRule("name", "eq", "name_exact"));
        AssertPushed(split, "name_exact", "a,b");
    }

    [Fact]
    public void Repeated_multi_repeats_the_parameter()
    {
        var split = Split(new FieldFilter("state", "in", new List<object?> { "OK", "Erred", "a,b" }),
            new PushdownRule("state", "in", "state", FilterLookup.RepeatedMulti));
        AssertPushed(split, "state", "OK", "Erred", "a,b");
    }

    [Theory]
    [InlineData("OK", "")]
    [InlineData("", "OK")]
    [InlineData("OK", "Erred ")]
    public void Repeated_multi_refuses_unplain_items(string first, string second)
    {
        var filter = new FieldFilter("state", "in", new List<object?> { first, second });
        AssertResidual(Split(filter, new PushdownRule("state", "in", "state", FilterLookup.RepeatedMulti)), filter);
    }

    [Fact]
    public void Integers_write_invariant_digits()
    {
        var split = Split(new FieldFilter("cores", "eq", -1234567L), new PushdownRule("cores", "eq", "cores"));
        AssertPushed(split, "cores", "-1234567");
    }

    [Fact]
    public void IContains_writes_the_text()
    {
        var split = Split(new FieldFilter("name", "contains", "Ubu"), new PushdownRule("name", "contains", "name", FilterLookup.IContains));
        AssertPushed(split, "name", "Ubu");
    }

    [Fact]
    public void In_with_one_value_is_eq()
    {
        var split = Split(new FieldFilter("name", "in", new List<object?> { "x" }), new PushdownRule("name", "eq", "name_exact"));
        AssertPushed(split, "name_exact", "x");
    }

    [Fact]
    public void In_with_two_values_is_not_eq()
    {
        var filter = new FieldFilter("name", "in", new List<object?> { "x", "y" });
        AssertResidual(Split(filter, new PushdownRule("name", "eq", "name_exact")), filter);
    }

    [Fact]
    public void A_rule_for_another_field_or_operation_does_not_apply()
    {
        var filter = new FieldFilter("name", "eq", "x");
        AssertResidual(Split(filter, new PushdownRule("type", "eq", "type"), new PushdownRule("name", "contains", "name", FilterLookup.IContains)), filter);
    }

    [Theory]
    [InlineData("uuid")]
    [InlineData("customerUuid")]
    public void Uuid_fields_push_only_canonical_values(string field)
    {
        var rule = new PushdownRule(field, "eq", "p");
        AssertPushed(Split(new FieldFilter(field, "eq", Canonical), rule), "p", Canonical);
        foreach (var odd in new[] { Canonical.ToUpperInvariant(), "01234567-89ab-cdef-0123-456789abcdef", Canonical[..31], Canonical + "0", Canonical[..31] + "g" })
        {
            var filter = new FieldFilter(field, "eq", odd);
            AssertResidual(Split(filter, rule), filter);
        }
    }

    [Fact]
    public void Uuid_in_keeps_only_the_canonical_values()
    {
        var rule = new PushdownRule("uuid", "in", "uuid_list", FilterLookup.CsvMulti);
        var split = Split(new FieldFilter("uuid", "in", new List<object?> { Canonical, Canonical2.ToUpperInvariant(), Canonical2 }), rule);
        AssertPushed(split, "uuid_list", $"{Canonical},{Canonical2}");
        var none = new FieldFilter("uuid", "in", new List<object?> { Canonical.ToUpperInvariant(), "nope" });
        AssertResidual(Split(none, rule), none);
    }

    [Fact]
    public void A_field_merely_containing_uuid_is_plain_text()
    {
        var split = Split(new FieldFilter("uuidish", "eq", "ABC"), new PushdownRule("uuidish", "eq", "p"));
        AssertPushed(split, "p", "ABC");
    }

    [Fact]
    public void Nested_ands_flatten_and_residual_fields_are_named_once()
    {
        var rules = new[] { new PushdownRule("name", "eq", "name_exact") };
        var residualA = new FieldFilter("type", "eq", "base");
        var residualB = new AnyOfFilter([new FieldFilter("type", "eq", "x"), new ListFieldFilter("regions", "some", new FieldFilter("name", "eq", "r"))]);
        var filter = new AllOfFilter([residualA, new AllOfFilter([new FieldFilter("name", "eq", "n"), new AllOfFilter([residualB])])]);
        var split = FilterSplitter.Split(filter, rules);
        Assert.Equal("n", split.Pushdown["name_exact"].ToString());
        var residual = Assert.IsType<AllOfFilter>(split.Residual);
        Assert.Equal([residualA, residualB], residual.Parts);
        Assert.Equal(["type", "regions"], split.ResidualFields);
    }

    [Fact]
    public void No_filter_splits_into_nothing()
    {
        var split = FilterSplitter.Split(null, [new PushdownRule("name", "eq", "name_exact")]);
        Assert.Empty(split.Pushdown);
        Assert.Null(split.Residual);
        Assert.Empty(split.ResidualFields);
    }
}
