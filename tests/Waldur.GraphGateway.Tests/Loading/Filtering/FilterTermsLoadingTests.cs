using Waldur.GraphGateway.Loading.Filtering;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading.Filtering;

/// <summary>
/// The residual work budget's price of one row (FilterTerms): one test per operation, one per empty and/or part, and
/// a some/all/none element filter once per element, elements averaged over the sample rows.
/// </summary>
public class FilterTermsLoadingTests
{
    private static readonly FieldSet Fields = PropertyRow.Fields;

    private static PropertyRow Row(params string[] tagKeys) =>
        new("u", "n", null, null, null, tagKeys.Length == 0 ? null : [.. tagKeys.Select(k => new PropertyTag(k, null, null))]);

    private static FieldFilter Name(string value) => new("name", "contains", value);

    private static FieldFilter Key(string value) => new("key", "eq", value);

    [Fact]
    public void No_filter_costs_nothing_and_every_operation_one_test()
    {
        Assert.Equal(0, FilterTerms.PerRow(null, Fields, [Row()]));
        Assert.Equal(1, FilterTerms.PerRow(Name("a"), Fields, [Row()]));
        Assert.Equal(3, FilterTerms.PerRow(new AnyOfFilter([Name("a"), Name("b"), new AllOfFilter([Name("c")])]), Fields, [Row()]));
    }

    [Fact]
    public void An_empty_and_or_or_still_costs_one_test()
    {
        Assert.Equal(1, FilterTerms.PerRow(new AllOfFilter([]), Fields, [Row()]));
        Assert.Equal(2, FilterTerms.PerRow(new AllOfFilter([new AnyOfFilter([]), Name("a")]), Fields, [Row()]));
    }

    [Fact]
    public void An_element_filter_runs_once_per_element_averaged_over_the_sample()
    {
        var twoTerms = new AnyOfFilter([Key("x"), Key("y")]);
        // 2 and 4 tags: 3 elements per row on average, 2 tests per element.
        Assert.Equal(6, FilterTerms.PerRow(new ListFieldFilter("tags", "some", twoTerms), Fields, [Row("a", "b"), Row("a", "b", "c", "d")]));
        Assert.Equal(6, FilterTerms.PerRow(new ListFieldFilter("tags", "all", twoTerms), Fields, [Row("a", "b"), Row("a", "b", "c", "d")]));
        // A row without a list has no elements: 4 elements over 2 rows.
        Assert.Equal(4, FilterTerms.PerRow(new ListFieldFilter("tags", "none", twoTerms), Fields, [Row(), Row("a", "b", "c", "d")]));
    }

    [Fact]
    public void Any_is_one_test_and_fewer_than_one_element_or_no_sample_counts_as_one()
    {
        Assert.Equal(1, FilterTerms.PerRow(new ListFieldFilter("tags", "any", null, AnyValue: true), Fields, [Row("a", "b", "c")]));
        Assert.Equal(2, FilterTerms.PerRow(new ListFieldFilter("tags", "some", new AnyOfFilter([Key("x"), Key("y")])), Fields, [Row(), Row()]));
        Assert.Equal(2, FilterTerms.PerRow(new ListFieldFilter("tags", "some", new AnyOfFilter([Key("x"), Key("y")])), Fields, []));
        Assert.Equal(3, FilterTerms.PerRow(new ListFieldFilter("tags", "some", null), Fields, [Row("a", "b", "c")]));
    }

    [Fact]
    public void Fields_and_sample_are_required()
    {
        Assert.Throws<ArgumentNullException>(() => FilterTerms.PerRow(null, null!, []));
        Assert.Throws<ArgumentNullException>(() => FilterTerms.PerRow(null, Fields, null!));
    }
}
