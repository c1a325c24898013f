using System.Globalization;
using Microsoft.Extensions.Primitives;
using Waldur.Catalog.Model;

namespace Waldur.GraphGateway.Loading.Filtering;

/// <summary>
/// Splits a filter into Waldur parameters and a residual without changing its meaning (docs/waldur-rules.md, "What this
/// means for the gateway"). Only conjuncts of the top-level AND can go down: anything under an <c>or</c> or a list
/// quantifier stays. A conjunct goes down only when
/// <list type="bullet">
/// <item>a rule maps its field and operation (an <c>in</c> with one value counts as <c>eq</c>);</item>
/// <item>its value can be written as the filter's lookup reads it: text that is non-empty and unpadded (Waldur ignores
/// empty values, U11, and django-filter strips whitespace, so <c>" x"</c> would match <c>"x"</c> there), an integer,
/// a Boolean for a Boolean filter, a list for a multi-value filter (no commas inside a comma-separated one), and for
/// a uuid field only canonical uuids (<see cref="IsUuidField"/>);</item>
/// <item>its parameter is still free: a second predicate on the same parameter stays residual (U11: a repeated
/// parameter keeps only its last value, so sending both would silently drop one).</item>
/// </list>
/// </summary>
internal static class FilterSplitter
{
    public static FilterSplit Split(FilterNode? filter, IReadOnlyList<PushdownRule> rules)
    {
        var pushdown = new SortedDictionary<string, StringValues>(StringComparer.Ordinal);
        var residual = new List<FilterNode>();
        foreach (var conjunct in Conjuncts(filter))
        {
            if (conjunct is FieldFilter field && TryPush(field, rules, pushdown))
            {
                continue;
            }

            residual.Add(conjunct);
        }

        var fields = residual.SelectMany(FieldsOf).Distinct(StringComparer.Ordinal).ToList();
        return new FilterSplit(pushdown, residual.Count == 0 ? null : residual.Count == 1 ? residual[0] : new AllOfFilter(residual), fields);
    }

    /// <summary>Flattens nested ANDs: <c>{a, and: [{b}, {and: [{c}]}]}</c> is a ∧ b ∧ c.</summary>
    public static IEnumerable<FilterNode> Conjuncts(FilterNode? filter) => filter switch
    {
        null => [],
        AllOfFilter all => all.Parts.SelectMany(Conjuncts),
        _ => [filter],
    };

    private static bool TryPush(FieldFilter filter, IReadOnlyList<PushdownRule> rules, SortedDictionary<string, StringValues> pushdown)
    {
        var (operation, value) = filter.Operation == FilterOperations.In && filter.Value is IReadOnlyList<object?> { Count: 1 } one
            ? (FilterOperations.Eq, one[0])
            : (filter.Operation, filter.Value);
        var rule = rules.FirstOrDefault(r => r.Field == filter.Field && r.Operation == operation);
        if (rule is not null && IsUuidField(rule.Field) && !TryCanonicalUuids(operation, ref value))
        {
            return false;
        }

        if (rule is null || pushdown.ContainsKey(rule.Parameter) || !TryWrite(rule.Lookup, value, out var values))
        {
            return false;
        }

        pushdown[rule.Parameter] = values;
        return true;
    }

    /// <summary>
    /// A uuid field (<c>uuid</c>, <c>…Uuid</c>): Waldur's <c>UUIDFilter</c> answers 400 to a value that is not a UUID and
    /// matches any spelling of one (hyphens, upper case), while <c>eq</c>/<c>in</c> compare exactly and Waldur writes
    /// uuids as 32 lowercase hex digits. So only canonical values go down: <c>in</c> keeps those (the others can never
    /// be equal), and an <c>eq</c> or <c>in</c> left with none stays in the gateway, which answers it exactly.
    /// </summary>
    private static bool IsUuidField(string field) =>
        field == "uuid" || field.EndsWith("Uuid", StringComparison.Ordinal);

    private static bool TryCanonicalUuids(string operation, ref object? value)
    {
        if (operation == FilterOperations.In && value is IReadOnlyList<object?> items)
        {
            var canonical = items.Where(IsCanonicalUuid).ToList();
            value = canonical;
            return canonical.Count > 0;
        }

        return IsCanonicalUuid(value);
    }

    private static bool IsCanonicalUuid(object? value) =>
        value is string { Length: 32 } text && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    /// <summary>The parameter value(s) that mean exactly the predicate, or false when Waldur would read it differently.</summary>
    private static bool TryWrite(FilterLookup lookup, object? value, out StringValues values)
    {
        values = StringValues.Empty;
        switch (lookup, value)
        {
            case (FilterLookup.Boolean, bool flag):
                values = flag ? "true" : "false";
                return true;
            case (FilterLookup.After or FilterLookup.Before, DateTimeOffset moment):
                values = moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
                return true;
            case (FilterLookup.CsvMulti, IReadOnlyList<object?> { Count: > 0 } items) when items.All(i => IsPlainText(i) && !((string)i!).Contains(',', StringComparison.Ordinal)):
                values = string.Join(',', items);
                return true;
            case (FilterLookup.RepeatedMulti, IReadOnlyList<object?> { Count: > 0 } items) when items.All(IsPlainText):
                values = new StringValues([.. items.Cast<string>()]);
                return true;
            case (not FilterLookup.Boolean, long number):
                values = number.ToString(CultureInfo.InvariantCulture);
                return true;
            case (not FilterLookup.Boolean, string text) when IsPlainText(text) && (lookup != FilterLookup.CsvMulti || !text.Contains(',', StringComparison.Ordinal)):
                values = text;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Waldur ignores an empty value (U11) and django-filter strips surrounding whitespace from text input (so
    /// <c>" x"</c> would match <c>"x"</c> there): such values stay in the gateway.
    /// </summary>
    private static bool IsPlainText(object? value) => value is string text && text.Length > 0 && text.Trim().Length == text.Length;

    private static IEnumerable<string> FieldsOf(FilterNode node) => node switch
    {
        AllOfFilter all => all.Parts.SelectMany(FieldsOf),
        AnyOfFilter any => any.Parts.SelectMany(FieldsOf),
        FieldFilter f => [f.Field],
        ListFieldFilter l => [l.Field],
        _ => [],
    };
}
