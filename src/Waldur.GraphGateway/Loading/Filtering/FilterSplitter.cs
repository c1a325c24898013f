namespace Waldur.GraphGateway.Loading.Filtering;

/// <summary>
/// Splits a filter into Waldur parameters and a residual without changing its meaning ("What this means for the
/// gateway", UPSTREAM.md). Only conjuncts of the top-level AND can go down: anything under an <c>or</c> or a list
/// quantifier stays. A conjunct goes down only when
/// <list type="bullet">
/// <item>a rule maps its field and operation (an <c>in</c> with one value counts as <c>eq</c>);</item>
/// <item>its value is a non-empty string without surrounding whitespace: Waldur ignores empty values (U11), and
/// django-filter strips whitespace from text input, so <c>" x"</c> would match <c>"x"</c> there;</item>
/// <item>its parameter is still free: a second predicate on the same parameter stays residual (U11: a repeated
/// parameter keeps only its last value, so sending both would silently drop one).</item>
/// </list>
/// </summary>
public static class FilterSplitter
{
    public static FilterSplit Split(FilterNode? filter, IReadOnlyList<PushdownRule> rules)
    {
        var pushdown = new SortedDictionary<string, string>(StringComparer.Ordinal);
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

    private static bool TryPush(FieldFilter filter, IReadOnlyList<PushdownRule> rules, SortedDictionary<string, string> pushdown)
    {
        var (operation, value) = filter.Operation == FilterOperations.In && filter.Value is IReadOnlyList<object?> { Count: 1 } one
            ? (FilterOperations.Eq, one[0])
            : (filter.Operation, filter.Value);
        if (value is not string text || text.Length == 0 || text.Trim().Length != text.Length)
        {
            return false;
        }

        var rule = rules.FirstOrDefault(r => r.Field == filter.Field && r.Operation == operation);
        if (rule is null || pushdown.ContainsKey(rule.Parameter))
        {
            return false;
        }

        pushdown[rule.Parameter] = text;
        return true;
    }

    private static IEnumerable<string> FieldsOf(FilterNode node) => node switch
    {
        AllOfFilter all => all.Parts.SelectMany(FieldsOf),
        AnyOfFilter any => any.Parts.SelectMany(FieldsOf),
        FieldFilter f => [f.Field],
        ListFieldFilter l => [l.Field],
        _ => [],
    };
}
