using Waldur.GraphGateway.Loading.Filtering;

namespace Waldur.GraphGateway.Tests.Loading.Filtering;

/// <summary>
/// Random rows and filters over <see cref="PropertyRow"/>, from small value pools so that equal values, prefixes,
/// case variants and nulls come up often. The operation names are the test's own (HotChocolate's), not
/// <see cref="FilterOperations"/>, so a renamed constant shows up as a failure.
/// </summary>
internal sealed class RandomModel(Random random)
{
    public static readonly string[] TextOperations =
        ["eq", "neq", "in", "nin", "contains", "ncontains", "startsWith", "nstartsWith", "endsWith", "nendsWith"];

    public static readonly string[] BooleanOperations = ["eq", "neq"];

    public static readonly string[] ComparableOperations =
        ["eq", "neq", "in", "nin", "gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte"];

    public static readonly string[] Quantifiers = ["some", "all", "none", "any"];

    /// <summary>Scalar fields of the row and of a tag, with their kind and (for comparables) the value type.</summary>
    public static readonly (string Field, string Kind)[] RowScalars =
        [("name", "text"), ("flag", "boolean"), ("size", "long"), ("created", "instant")];

    public static readonly (string Field, string Kind)[] TagScalars =
        [("key", "text"), ("weight", "long"), ("pinned", "boolean")];

    private static readonly DateTimeOffset Epoch = new(2024, 2, 29, 23, 59, 0, TimeSpan.Zero);

    private const string Alphabet = "aAbBaAbBéÉ\"\\; ";

    public Random Random { get; } = random;

    public bool Chance(double p) => Random.NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    public string Text(int maxLength)
    {
        var length = Random.Next(maxLength + 1);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            // Mostly a/b in both cases (so substrings match often), sometimes accents, quotes, backslashes, separators.
            chars[i] = Alphabet[Random.Next(Chance(0.8) ? 8 : Alphabet.Length)];
        }

        return new string(chars);
    }

    public long Number() => Chance(0.05) ? Pick(new[] { long.MinValue, long.MaxValue, 0L }) : Random.Next(-3, 4);

    /// <summary>A UTC instant near a fixed day, minutes apart (ticks apart now and then).</summary>
    public DateTimeOffset Instant() => Epoch.AddMinutes(Random.Next(-3, 4)).AddTicks(Chance(0.1) ? Random.Next(-1, 2) : 0);

    public object Scalar(string kind) => kind switch
    {
        "text" => Text(3),
        "boolean" => Chance(0.5),
        "long" => Number(),
        "instant" => Instant(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public PropertyRow Row(int index) => new(
        $"row-{index}",
        Chance(0.2) ? null : Text(4),
        Chance(0.25) ? null : Chance(0.5),
        Chance(0.2) ? null : Number(),
        Chance(0.2) ? null : Instant(),
        Chance(0.15) ? null : Enumerable.Range(0, Random.Next(4)).Select(_ => Tag()).ToList());

    public PropertyTag Tag() => new(Chance(0.2) ? null : Text(3), Chance(0.2) ? null : Number(), Chance(0.3) ? null : Chance(0.5));

    public static IReadOnlyList<string> OperationsOf(string kind) => kind switch
    {
        "text" => TextOperations,
        "boolean" => BooleanOperations,
        _ => ComparableOperations,
    };

    /// <summary>A well-formed operation on one scalar field: null only for eq/neq, a list (array or List) for in/nin.</summary>
    public FieldFilter Leaf(string field, string kind, string? operation = null)
    {
        operation ??= Pick(OperationsOf(kind));
        object? value = operation switch
        {
            "eq" or "neq" => Chance(0.2) ? null : Scalar(kind),
            "in" or "nin" => List(kind),
            _ => Scalar(kind),
        };
        return new FieldFilter(field, operation, value);
    }

    private object List(string kind)
    {
        var items = Enumerable.Range(0, Random.Next(4)).Select(_ => Chance(0.15) ? null : Scalar(kind)).ToList();
        return Chance(0.5) ? items : items.ToArray();
    }

    /// <summary>A random filter over the row (<paramref name="tag"/> false) or a tag, nested at most <paramref name="depth"/> deep.</summary>
    public FilterNode Node(int depth, bool tag = false)
    {
        var roll = Random.Next(100);
        if (depth <= 0 || roll < 45)
        {
            if (!tag && roll < 15)
            {
                return ListFilter(depth);
            }

            var (field, kind) = Pick(tag ? TagScalars : RowScalars);
            return Leaf(field, kind);
        }

        var parts = Enumerable.Range(0, Random.Next(Chance(0.1) ? 1 : 4)).Select(_ => Node(depth - 1, tag)).ToList();
        return roll < 72 ? new AllOfFilter(parts) : new AnyOfFilter(parts);
    }

    public ListFieldFilter ListFilter(int depth, string? quantifier = null)
    {
        quantifier ??= Pick(Quantifiers);
        return quantifier == "any"
            ? new ListFieldFilter("tags", "any", null, Chance(0.5))
            : new ListFieldFilter("tags", quantifier, Chance(0.1) ? null : Node(Math.Max(0, depth - 1), tag: true));
    }
}
