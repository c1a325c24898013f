using System.Globalization;
using System.Text.Json.Nodes;
using Waldur.Catalog.Model;

namespace Waldur.GraphGateway.ContractTests;

/// <summary>A <c>where</c> argument, the same predicate over Waldur's rows, and why it was chosen.</summary>
internal sealed record WhereCase(JsonObject Where, Func<JsonObject, bool> Test, string Why);

/// <summary>
/// The <c>where</c> cases of one list, from the catalog and Waldur's rows (deterministic: the most frequent values): one per
/// filter Waldur applies itself (its lookup decides the operation), and one per the first few filterable scalars the
/// gateway evaluates itself. Semantics as the schema documents them: eq/in exact, contains case-insensitive, comparisons
/// with null false.
/// </summary>
internal static class WhereCases
{
    private const int GatewaySideFields = 4;

    public static IEnumerable<WhereCase> For(ResourceDescriptor resource, IReadOnlyList<JsonObject> rows)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var filter in resource.Filters)
        {
            var field = resource.Fields.FirstOrDefault(f => f.Name == filter.Field);
            if (field is null || !field.Filterable || !Oracle.IsScalar(field) || field.Kind == ValueKind.Float)
            {
                continue;
            }

            if (Case(field, filter.Lookup, rows, $"pushed down as `{filter.Parameter}` ({filter.Lookup})") is { } c && seen.Add(c.Where.ToJsonString()))
            {
                yield return c;
            }
        }

        var pushed = resource.Filters.Select(f => f.Field).ToHashSet(StringComparer.Ordinal);
        var gatewaySide = resource.Fields
            .Where(f => f.Filterable && Oracle.IsScalar(f) && f.Kind != ValueKind.Float && !pushed.Contains(f.Name) && f.JsonName != "url")
            .Where(f => rows.Select(r => Oracle.WaldurValue(r, f)).Where(v => v is not null).Distinct().Skip(1).Any())
            .Take(GatewaySideFields);
        foreach (var field in gatewaySide)
        {
            if (Case(field, null, rows, "evaluated in the gateway") is { } c && seen.Add(c.Where.ToJsonString()))
            {
                yield return c;
            }
        }
    }

    private static WhereCase? Case(FieldDescriptor field, FilterLookup? lookup, IReadOnlyList<JsonObject> rows, string why)
    {
        var frequent = rows.Select(r => Oracle.WaldurValue(r, field)).Where(v => v is not null && !(v is string s && s.StartsWith("json:", StringComparison.Ordinal)))
            .GroupBy(v => v!).OrderByDescending(g => g.Count()).ThenBy(g => Oracle.Show(g.Key), StringComparer.Ordinal).Select(g => g.Key).ToList();
        object? Value(JsonObject r) => Oracle.WaldurValue(r, field);
        JsonObject Where(string op, JsonNode? operand) => new() { [field.Name] = new JsonObject { [op] = operand } };

        if (field.EnumValues is { } values)
        {
            var names = Oracle.EnumNames(values);
            var present = frequent.OfType<string>().Where(names.ContainsKey).ToList();
            if (present.Count == 0)
            {
                present = [values[0]];
            }

            if (lookup is FilterLookup.CsvMulti or FilterLookup.RepeatedMulti && present.Count > 1)
            {
                var set = present.Take(2).ToList();
                return new WhereCase(Where("in", new JsonArray(set.Select(v => (JsonNode)names[v]).ToArray())), r => Value(r) is string s && set.Contains(s), why);
            }

            var one = present[0];
            return new WhereCase(Where("eq", names[one]), r => Value(r) is string s && s == one, why);
        }

        switch (field.Kind)
        {
            case ValueKind.String:
            {
                var strings = frequent.OfType<string>().Where(s => s.Length > 0).ToList();
                if (strings.Count == 0)
                    {
                        return null;
                    }

                    var value = strings[0];
                switch (lookup)
                {
                    case FilterLookup.IContains:
                    {
                        // A middle part of the longest common value, in the other case: Waldur's icontains ignores case.
                        var longest = strings.Take(5).OrderByDescending(s => s.Length).ThenBy(s => s, StringComparer.Ordinal).First();
                        var part = longest.Length <= 3 ? longest : longest.Substring(longest.Length / 3, Math.Min(4, longest.Length - longest.Length / 3));
                        part = part.Any(char.IsLower) ? part.ToUpperInvariant() : part.ToLowerInvariant();
                        return new WhereCase(Where("contains", part), r => Value(r) is string s && s.Contains(part, StringComparison.OrdinalIgnoreCase), why);
                    }

                    case FilterLookup.CsvMulti or FilterLookup.RepeatedMulti when strings.Count > 1:
                    {
                        var set = strings.Take(2).ToList();
                        return new WhereCase(Where("in", new JsonArray(set.Select(v => (JsonNode)v).ToArray())),
                            r => Value(r) is string s && set.Contains(s, StringComparer.Ordinal), why);
                    }

                    default:
                        return new WhereCase(Where("eq", value), r => Value(r) is string s && string.Equals(s, value, StringComparison.Ordinal), why);
                }
            }

            case ValueKind.Boolean:
            {
                // The rarer value when both occur: the more telling filter.
                var value = frequent.OfType<bool>().LastOrDefault(true);
                return new WhereCase(Where("eq", value), r => Value(r) is bool b && b == value, why);
            }

            case ValueKind.Int:
            {
                var ints = frequent.OfType<long>().Order().ToList();
                if (ints.Count == 0)
                    {
                        return null;
                    }

                    var value = ints[ints.Count / 2];
                return lookup == FilterLookup.Exact
                    ? new WhereCase(Where("eq", value), r => Value(r) is long l && l == value, why)
                    : new WhereCase(Where("gt", value), r => Value(r) is long l && l > value, why);
            }

            case ValueKind.DateTime:
            {
                var times = frequent.OfType<DateTimeOffset>().Order().ToList();
                if (times.Count == 0)
                    {
                        return null;
                    }

                    var value = times[times.Count / 2];
                var text = value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
                return lookup switch
                {
                    FilterLookup.After => new WhereCase(Where("gte", text), r => Value(r) is DateTimeOffset t && t >= value, why),
                    FilterLookup.Before => new WhereCase(Where("lte", text), r => Value(r) is DateTimeOffset t && t <= value, why),
                    _ => new WhereCase(Where("lt", text), r => Value(r) is DateTimeOffset t && t < value, why),
                };
            }

            default:
                return null;
        }
    }
}
