using System.Collections;
using Waldur.GraphGateway.Loading.Filtering;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading.Filtering;

/// <summary>
/// <see cref="FilterCanonicalText"/> feeds the cursor's argument hash, so it must be injective on filters (different
/// filters, different text: otherwise a cursor of one filter is accepted by another) and a function of the filter's
/// meaning only (the same filter built twice, with its lists as arrays or lists and its instants at any offset, gives
/// the same text, as a literal and the same value passed in variables must). "Same filter" is <see cref="SameFilter"/>:
/// equal structure, ordinal text, values of the same type, instants by UTC ticks, lists item by item, and for the
/// <c>any</c> quantifier only its flag (for the others only the element filter).
/// </summary>
public sealed class FilterCanonicalTextPropertyTests
{
    private static readonly string[] Fields = ["name", "size", "tags"];
    private static readonly string[] Operations = ["eq", "neq", "in", "contains", "gt"];

    [Theory]
    [InlineData(501)]
    [InlineData(502)]
    [InlineData(503)]
    public void Different_filters_give_different_text_and_the_same_filter_the_same_text(int seed)
    {
        var random = new Random(seed);
        var seen = new Dictionary<string, (int Case, FilterNode? Filter)>(StringComparer.Ordinal);
        var repeats = 0;
        for (var i = 0; i < 4000; i++)
        {
            var filter = Filter(random, depth: 2);
            var text = FilterCanonicalText.Of(filter);
            var rebuilt = Rebuild(random, filter);
            var rebuiltText = FilterCanonicalText.Of(rebuilt);
            if (rebuiltText != text)
            {
                Assert.Fail($"seed {seed}, case {i}: {Show.Filter(filter)} gives {Show.Escape(text)} but the same filter rebuilt as {Show.Filter(rebuilt)} gives {Show.Escape(rebuiltText)}");
            }

            if (seen.TryGetValue(text, out var earlier))
            {
                if (!SameFilter(earlier.Filter, filter))
                {
                    Assert.Fail($"seed {seed}, cases {earlier.Case} and {i}: {Show.Filter(earlier.Filter)} and {Show.Filter(filter)} share the text {Show.Escape(text)}");
                }

                repeats++;
            }
            else
            {
                seen[text] = (i, filter);
            }
        }

        // Not vacuous: equal filters built independently come up, and most filters are distinct.
        Assert.InRange(repeats, 50, 3000);
    }

    [Fact]
    public void Quotes_and_backslashes_cannot_forge_structure()
    {
        var forged = new FieldFilter("name", "eq", "x\";name.eq=\"y");
        var two = new AllOfFilter([new FieldFilter("name", "eq", "x"), new FieldFilter("name", "eq", "y")]);
        Assert.NotEqual(FilterCanonicalText.Of(new AllOfFilter([forged])), FilterCanonicalText.Of(two));

        string[] tricky = ["", "\"", "\\", "\\\"", "\"\\", "\\\\", "a\"", "a\\", "a\\\"b", "null", "true", "1", "[", "]", ",", ";", "_"];
        var texts = tricky.Select(s => FilterCanonicalText.Of(new FieldFilter("name", "eq", s))).ToList();
        Assert.Equal(texts.Count, texts.Distinct(StringComparer.Ordinal).Count());
        var lists = tricky.SelectMany(a => tricky.Select(b => FilterCanonicalText.Of(new FieldFilter("name", "in", new[] { a, b })))).ToList();
        Assert.Equal(lists.Count, lists.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Values_of_different_types_never_share_text()
    {
        var instant = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        object?[] values = [null, "null", true, "true", false, "false", 1L, "1", instant.UtcTicks, instant, instant.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Array.Empty<object?>(), "[]", new object?[] { null }, new object?[] { "a" }, "a", new object?[] { 1L, 2L }, new object?[] { "1,2" }, -1L, "-1"];
        var texts = values.Select(v => FilterCanonicalText.Of(new FieldFilter("size", "eq", v))).ToList();
        Assert.Equal(texts.Count, texts.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Other_values_are_written_by_their_invariant_text()
    {
        Assert.Equal("size.eq=http://a/", FilterCanonicalText.Of(new FieldFilter("size", "eq", new Uri("http://a"))));
        Assert.Equal("size.eq=1.5", FilterCanonicalText.Of(new FieldFilter("size", "eq", 1.5)));
        Assert.Equal("size.eq=opaque:a", FilterCanonicalText.Of(new FieldFilter("size", "eq", new Opaque("a"))));
        Assert.NotEqual(FilterCanonicalText.Of(new FieldFilter("size", "eq", new Opaque("a"))), FilterCanonicalText.Of(new FieldFilter("size", "eq", new Opaque("b"))));
    }

    [Fact]
    public void Instants_are_normalised_to_utc()
    {
        var utc = new DateTimeOffset(2024, 2, 29, 23, 30, 0, TimeSpan.Zero);
        var random = new Random(504);
        for (var i = 0; i < 500; i++)
        {
            var instant = utc.AddTicks(random.NextInt64(-10_000_000_000_000, 10_000_000_000_000));
            var offset = TimeSpan.FromMinutes(random.Next(-14 * 60, 14 * 60 + 1));
            Assert.True(
                FilterCanonicalText.Of(new FieldFilter("created", "gt", instant)) == FilterCanonicalText.Of(new FieldFilter("created", "gt", instant.ToOffset(offset))),
                $"seed 504, case {i}: {instant:O} at {offset}");
            Assert.NotEqual(FilterCanonicalText.Of(new FieldFilter("created", "gt", instant)), FilterCanonicalText.Of(new FieldFilter("created", "gt", instant.AddTicks(1))));
        }
    }

    [Fact]
    public void The_text_is_stable_so_cursors_survive_a_redeploy()
    {
        var filter = new AllOfFilter([
            new FieldFilter("name", "contains", "a\"b\\c"),
            new AnyOfFilter([new FieldFilter("size", "in", new object?[] { 1L, null, -2L }), new FieldFilter("flag", "eq", true), new FieldFilter("flag", "neq", false)]),
            new FieldFilter("created", "lt", new DateTimeOffset(2024, 1, 1, 1, 0, 0, TimeSpan.FromHours(1))),
            new ListFieldFilter("tags", "some", new FieldFilter("key", "eq", null)),
            new ListFieldFilter("tags", "none", null),
            new ListFieldFilter("tags", "any", null, AnyValue: true),
            new ListFieldFilter("tags", "any", null, AnyValue: false),
            new AllOfFilter([]),
        ]);
        Assert.Equal(
            "and[name.contains=\"a\\\"b\\\\c\";or[size.in=[1,null,-2,];flag.eq=true;flag.neq=false;];created.lt=638396640000000000t;"
            + "tags.some(key.eq=null);tags.none(_);tags.any(true);tags.any(false);and[];]",
            FilterCanonicalText.Of(filter));
        Assert.Equal("_", FilterCanonicalText.Of(null));
    }

    /// <summary>A value that is neither text, formattable nor a list: written by its ToString.</summary>
    private sealed record Opaque(string Text)
    {
        public override string ToString() => "opaque:" + Text;
    }

    /// <summary>Random filters with any value type on any field, from tiny pools so that equal filters recur.</summary>
    private static FilterNode Filter(Random random, int depth)
    {
        var roll = random.Next(10);
        if (depth == 0 || roll < 5)
        {
            return roll == 0 ? ListFilter(random, depth) : new FieldFilter(Fields[random.Next(2)], Operations[random.Next(Operations.Length)], Value(random, allowList: true));
        }

        var parts = Enumerable.Range(0, random.Next(3)).Select(_ => Filter(random, depth - 1)).ToList();
        return roll < 8 ? new AllOfFilter(parts) : new AnyOfFilter(parts);
    }

    private static ListFieldFilter ListFilter(Random random, int depth)
    {
        var quantifier = new[] { "some", "all", "none", "any" }[random.Next(4)];
        return quantifier == "any"
            ? new ListFieldFilter("tags", "any", null, random.Next(2) == 0)
            : new ListFieldFilter("tags", quantifier, random.Next(3) == 0 ? null : Filter(random, Math.Max(0, depth - 1)));
    }

    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static object? Value(Random random, bool allowList) => random.Next(allowList ? 8 : 7) switch
    {
        0 => null,
        1 => new[] { "", "a", "\"", "\\", "a\"", "\\\"", "1", "true", "null", "," }[random.Next(10)],
        2 => random.Next(2) == 0,
        3 => (long)random.Next(-1, 2),
        4 => Epoch.AddTicks(random.Next(-1, 2)),
        5 => new[] { "x", "b\\", "[a]" }[random.Next(3)],
        6 => (long)Epoch.UtcTicks,
        _ => Enumerable.Range(0, random.Next(3)).Select(_ => Value(random, allowList: false)).ToList(),
    };

    /// <summary>The same filter built anew: lists as the other collection type, instants at another offset.</summary>
    private static FilterNode? Rebuild(Random random, FilterNode? node) => node switch
    {
        null => null,
        AllOfFilter all => new AllOfFilter(all.Parts.Select(p => Rebuild(random, p)!).ToArray()),
        AnyOfFilter any => new AnyOfFilter(any.Parts.Select(p => Rebuild(random, p)!).ToList()),
        FieldFilter f => new FieldFilter(new string(f.Field.ToCharArray()), f.Operation, RebuildValue(random, f.Value)),
        ListFieldFilter l => new ListFieldFilter(l.Field, l.Quantifier, Rebuild(random, l.Element), l.AnyValue),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node, null),
    };

    private static object? RebuildValue(Random random, object? value) => value switch
    {
        string s => new string(s.ToCharArray()),
        DateTimeOffset d => d.ToOffset(TimeSpan.FromHours(random.Next(-12, 13))),
        IEnumerable items => items is Array
            ? items.Cast<object?>().Select(i => RebuildValue(random, i)).ToList()
            : items.Cast<object?>().Select(i => RebuildValue(random, i)).ToArray(),
        _ => value,
    };

    private static bool SameFilter(FilterNode? a, FilterNode? b) => (a, b) switch
    {
        (null, null) => true,
        (AllOfFilter x, AllOfFilter y) => SameParts(x.Parts, y.Parts),
        (AnyOfFilter x, AnyOfFilter y) => SameParts(x.Parts, y.Parts),
        (FieldFilter x, FieldFilter y) => x.Field == y.Field && x.Operation == y.Operation && SameValue(x.Value, y.Value),
        (ListFieldFilter x, ListFieldFilter y) => x.Field == y.Field && x.Quantifier == y.Quantifier
            && (x.Quantifier == "any" ? x.AnyValue == y.AnyValue : SameFilter(x.Element, y.Element)),
        _ => false,
    };

    private static bool SameParts(IReadOnlyList<FilterNode> a, IReadOnlyList<FilterNode> b) =>
        a.Count == b.Count && a.Zip(b).All(p => SameFilter(p.First, p.Second));

    private static bool SameValue(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
        (DateTimeOffset x, DateTimeOffset y) => x.UtcTicks == y.UtcTicks,
        (IEnumerable x, IEnumerable y) when x is not string && y is not string => x.Cast<object?>().Count() == y.Cast<object?>().Count() && x.Cast<object?>().Zip(y.Cast<object?>()).All(p => SameValue(p.First, p.Second)),
        (null, _) or (_, null) => false,
        _ => a.GetType() == b.GetType() && a.Equals(b),
    };
}
