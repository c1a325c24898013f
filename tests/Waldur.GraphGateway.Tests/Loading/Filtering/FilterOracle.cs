using System.Collections;
using Waldur.GraphGateway.Loading.Filtering;

namespace Waldur.GraphGateway.Tests.Loading.Filtering;

/// <summary>
/// An independent evaluator for <see cref="PropertyRow"/>, written from the semantics rather than from the gateway's
/// code (typed accessors, no <see cref="FieldSet"/>, hand-written text matching):
/// <list type="bullet">
/// <item>LINQ-to-objects as HotChocolate's in-memory filtering: <c>and</c> is ∀ (empty: true), <c>or</c> is ∃ (empty: false), a null filter matches;</item>
/// <item>every negation is <c>!positive</c>: neq, nin, ncontains, nstartsWith, nendsWith, ngt, ngte, nlt, nlte match a null value;</item>
/// <item>eq: ordinal equality for text, value equality otherwise; null eq null is true; in: some item is eq (a null item matches a null value);</item>
/// <item>contains/startsWith/endsWith: case-insensitive, each character compared by its invariant upper case (OrdinalIgnoreCase); a null value never matches;</item>
/// <item>gt/gte/lt/lte: false when the value is null; longs by value, instants by UTC ticks;</item>
/// <item>lists: a null list is an empty list; <c>any: true</c> = non-empty (<c>any: false</c> = empty); <c>some</c> = ∃ element;
/// <c>all</c> = ∀ element (true over an empty list); <c>none</c> = not some.</item>
/// </list>
/// </summary>
internal static class FilterOracle
{
    private static readonly Dictionary<string, string> Negations = new(StringComparer.Ordinal)
    {
        ["neq"] = "eq",
        ["nin"] = "in",
        ["ncontains"] = "contains",
        ["nstartsWith"] = "startsWith",
        ["nendsWith"] = "endsWith",
        ["ngt"] = "gt",
        ["ngte"] = "gte",
        ["nlt"] = "lt",
        ["nlte"] = "lte",
    };

    public static bool Matches(FilterNode? filter, PropertyRow row) => Evaluate(filter, field => RowField(row, field), row.Tags);

    public static bool Matches(FilterNode? filter, PropertyTag tag) => Evaluate(filter, field => TagField(tag, field), null);

    private static (string Kind, object? Value) RowField(PropertyRow row, string field) => field switch
    {
        "name" => ("text", row.Name),
        "flag" => ("boolean", row.Flag),
        "size" => ("long", row.Size),
        "created" => ("instant", row.Created),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    private static (string Kind, object? Value) TagField(PropertyTag tag, string field) => field switch
    {
        "key" => ("text", tag.Key),
        "weight" => ("long", tag.Weight),
        "pinned" => ("boolean", tag.Pinned),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    private static bool Evaluate(FilterNode? filter, Func<string, (string Kind, object? Value)> field, IReadOnlyList<PropertyTag>? tags)
    {
        switch (filter)
        {
            case null:
                return true;
            case AllOfFilter all:
                foreach (var part in all.Parts)
                {
                    if (!Evaluate(part, field, tags))
                    {
                        return false;
                    }
                }

                return true;
            case AnyOfFilter any:
                foreach (var part in any.Parts)
                {
                    if (Evaluate(part, field, tags))
                    {
                        return true;
                    }
                }

                return false;
            case ListFieldFilter list:
                return Quantify(list, tags ?? []);
            case FieldFilter leaf:
                var (kind, value) = field(leaf.Field);
                return Operation(kind, leaf.Operation, value, leaf.Value);
            default:
                throw new ArgumentOutOfRangeException(nameof(filter), filter, null);
        }
    }

    private static bool Quantify(ListFieldFilter list, IReadOnlyList<PropertyTag> tags)
    {
        var matching = 0;
        foreach (var tag in tags)
        {
            matching += Matches(list.Element, tag) ? 1 : 0;
        }

        return list.Quantifier switch
        {
            "any" => list.AnyValue ? tags.Count != 0 : tags.Count == 0,
            "some" => matching >= 1,
            "all" => matching == tags.Count,
            "none" => matching == 0,
            _ => throw new ArgumentOutOfRangeException(nameof(list), list.Quantifier, null),
        };
    }

    public static bool Operation(string kind, string operation, object? value, object? operand)
    {
        if (Negations.TryGetValue(operation, out var positive))
        {
            return !Operation(kind, positive, value, operand);
        }

        return operation switch
        {
            "eq" => Same(kind, value, operand),
            "in" => InList(kind, value, (IEnumerable)operand!),
            "contains" => value is string v && IndexIgnoringCase(v, (string)operand!) is not null,
            "startsWith" => value is string v && v.Length >= ((string)operand!).Length && EqualIgnoringCase(v, 0, (string)operand),
            "endsWith" => value is string v && v.Length >= ((string)operand!).Length && EqualIgnoringCase(v, v.Length - ((string)operand).Length, (string)operand),
            "gt" => Order(kind, value, operand) is { } o && o > 0,
            "gte" => Order(kind, value, operand) is { } o && o >= 0,
            "lt" => Order(kind, value, operand) is { } o && o < 0,
            "lte" => Order(kind, value, operand) is { } o && o <= 0,
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
        };
    }

    private static bool InList(string kind, object? value, IEnumerable items)
    {
        foreach (var item in items)
        {
            if (Same(kind, value, item))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Same(string kind, object? value, object? operand)
    {
        if (value is null || operand is null)
        {
            return value is null && operand is null;
        }

        return kind switch
        {
            "text" => ((string)value).AsSpan().SequenceEqual((string)operand),
            "boolean" => (bool)value == (bool)operand,
            "long" => (long)value == (long)operand,
            "instant" => ((DateTimeOffset)value).UtcTicks == ((DateTimeOffset)operand).UtcTicks,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    /// <summary>Sign of value − operand; null when the value is null (no order).</summary>
    private static int? Order(string kind, object? value, object? operand)
    {
        if (value is null)
        {
            return null;
        }

        var (a, b) = kind switch
        {
            "long" => ((long)value, (long)operand!),
            "instant" => (((DateTimeOffset)value).UtcTicks, ((DateTimeOffset)operand!).UtcTicks),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        return a < b ? -1 : a > b ? 1 : 0;
    }

    private static int? IndexIgnoringCase(string text, string part)
    {
        for (var start = 0; start + part.Length <= text.Length; start++)
        {
            if (EqualIgnoringCase(text, start, part))
            {
                return start;
            }
        }

        return null;
    }

    private static bool EqualIgnoringCase(string text, int start, string part)
    {
        for (var i = 0; i < part.Length; i++)
        {
            if (char.ToUpperInvariant(text[start + i]) != char.ToUpperInvariant(part[i]))
            {
                return false;
            }
        }

        return true;
    }
}
