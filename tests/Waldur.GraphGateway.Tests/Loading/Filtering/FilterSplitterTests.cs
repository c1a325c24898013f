using Microsoft.Extensions.Primitives;
using Waldur.GraphGateway.Loading.Filtering;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading.Filtering;

public class FilterSplitterTests
{
    private static readonly FieldSet Fields = TestCatalog.Images.Fields;

    [Fact]
    public void Pushdown_plus_residual_means_the_same_as_all_residual()
    {
        var random = new Random(21);
        var images = RandomImages.Create(random, 250);
        var pushedSomething = 0;
        for (var run = 0; run < 2000; run++)
        {
            var filter = RandomFilter(random, depth: 0);
            var split = FilterSplitter.Split(filter, TestCatalog.Images.Pushdown);
            pushedSomething += split.Pushdown.Count > 0 ? 1 : 0;
            var expected = images.Where(i => FilterEvaluator.Matches(filter, i.ToRow(), Fields)).Select(i => i.Uuid).ToList();
            var actual = images.Where(i => WaldurAccepts(split.Pushdown, i) && FilterEvaluator.Matches(split.Residual, i.ToRow(), Fields))
                .Select(i => i.Uuid).ToList();
            Assert.Equal(expected, actual);
        }

        Assert.True(pushedSomething > 400, $"only {pushedSomething} random filters pushed anything down");
    }

    [Fact]
    public void Two_predicates_on_one_parameter_keep_one_residual()
    {
        var filter = new AllOfFilter([new FieldFilter("name", "eq", "a"), new FieldFilter("name", "eq", "b")]);
        var split = FilterSplitter.Split(filter, TestCatalog.Images.Pushdown);
        Assert.Equal("a", split.Pushdown["name_exact"]);
        Assert.Equal(new FieldFilter("name", "eq", "b"), split.Residual);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ubuntu")]
    [InlineData("ubuntu ")]
    public void Empty_or_padded_values_stay_residual(string value)
    {
        var split = FilterSplitter.Split(new FieldFilter("distribution", "eq", value), TestCatalog.Images.Pushdown);
        Assert.Empty(split.Pushdown);
        Assert.NotNull(split.Residual);
    }

    [Fact]
    public void Nothing_under_or_goes_down()
    {
        var filter = new AnyOfFilter([new FieldFilter("type", "eq", "base"), new FieldFilter("type", "eq", "snapshot")]);
        Assert.Empty(FilterSplitter.Split(filter, TestCatalog.Images.Pushdown).Pushdown);
    }

    /// <summary>Waldur's filters as docs/waldur-rules.md states them (U9–U11), independent of the gateway's evaluator.</summary>
    private static bool WaldurAccepts(IReadOnlyDictionary<string, StringValues> parameters, TestImage image) =>
        parameters.All(p => p.Value.ToString() is var value && (value.Length == 0 || p.Key switch
        {
            "name" => image.Name.ToUpperInvariant().Contains(value.ToUpperInvariant(), StringComparison.Ordinal),
            "name_exact" => image.Name == value,
            "distribution" => image.Distribution == value,
            "type" => image.Type == value,
            _ => true,
        }));

    private static FilterNode RandomFilter(Random random, int depth)
    {
        var roll = random.Next(depth > 2 ? 6 : 9);
        return roll switch
        {
            < 5 => RandomField(random),
            5 => new ListFieldFilter("regions", random.Next(2) == 0 ? "some" : "none",
                new FieldFilter("name", "eq", RandomImages.Regions[random.Next(RandomImages.Regions.Length)].Name)),
            6 or 7 => new AllOfFilter([.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => RandomFilter(random, depth + 1))]),
            _ => new AnyOfFilter([.. Enumerable.Range(0, random.Next(1, 3)).Select(_ => RandomFilter(random, depth + 1))]),
        };
    }

    private static FieldFilter RandomField(Random random)
    {
        string[] textOps = ["eq", "eq", "contains", "contains", "neq", "in", "startsWith", "nendsWith"];
        return random.Next(6) switch
        {
            0 or 1 => new FieldFilter("name", textOps[random.Next(textOps.Length)], NameOperand(random)),
            2 => new FieldFilter("distribution", random.Next(3) == 0 ? "in" : "eq",
                random.Next(3) == 0 ? new List<object?> { Pick(random, RandomImages.Distributions) } : Pick(random, RandomImages.Distributions)),
            3 => new FieldFilter("type", "eq", random.Next(5) == 0 ? "Base" : Pick(random, RandomImages.Types)),
            4 => new FieldFilter("isOfficial", "eq", random.Next(2) == 0),
            _ => new FieldFilter("minDiskSize", Pick(random, ["gt", "lte", "neq", "nlt"]), random.Next(0, 5) * 10240L),
        };
    }

    private static object NameOperand(Random random)
    {
        var name = Pick(random, RandomImages.Names);
        return random.Next(4) switch
        {
            0 => name.Length > 3 ? name[1..3].ToUpperInvariant() : name,
            1 => new List<object?> { name },
            _ => name,
        };
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
