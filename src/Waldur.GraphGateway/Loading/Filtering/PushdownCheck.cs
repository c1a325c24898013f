using System.Globalization;
using Microsoft.Extensions.Primitives;
using Waldur.Catalog.Model;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading.Filtering;

/// <summary>
/// Re-checks the predicates a list query pushed down on the rows Waldur returned for it: a row that does not match one
/// means this Waldur ignored that parameter (it drops unknown ones silently); so does a row whose value is null or absent,
/// which no SQL predicate matches. Only predicates whose field the rows were read with are checked (not lists); the comparison is the one the gateway would make itself, so a pass costs
/// one comparison per pushed parameter and row.
/// </summary>
internal static class PushdownCheck
{
    /// <summary>The first pushed parameter some row contradicts, or null when every row matches what was sent.</summary>
    public static string? FirstIgnored(ListResource resource, WaldurListQuery query, IReadOnlyList<WaldurRow> rows)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0 || query.Filters.Count == 0)
        {
            return null;
        }

        foreach (var (parameter, values) in query.Filters)
        {
            // A parameter may serve both `eq` and `in` (an exact and a multi-value rule): the multi-value reading covers both.
            var rule = resource.Pushdown.Where(r => r.Parameter == parameter)
                .OrderByDescending(r => r.Lookup is FilterLookup.CsvMulti or FilterLookup.RepeatedMulti).FirstOrDefault();
            if (rule is null || !resource.Endpoint.Shape.TryGetField(rule.Field, out var field) || field.IsList
                || (query.Reads is { } reads && !reads.Contains(field.Descriptor.JsonName)))
            {
                continue;
            }

            var index = field.Index;
            foreach (var row in rows)
            {
                // A null (or absent, or unreadable) value matches no pushed predicate in Waldur's SQL (=, LIKE, >= and
                // IN are never true of NULL): a row carrying one was not filtered, or not on the field the gateway means.
                if (row[index] is not { } value || !Matches(rule, value, values))
                {
                    return parameter;
                }
            }
        }

        return null;
    }

    private static bool Matches(PushdownRule rule, object value, StringValues sent) => rule.Lookup switch
    {
        FilterLookup.IContains => value is not string text || text.Contains(sent.ToString(), StringComparison.OrdinalIgnoreCase),
        FilterLookup.After => value is not DateTimeOffset moment || !TryMoment(sent, out var after) || moment >= after,
        FilterLookup.Before => value is not DateTimeOffset moment2 || !TryMoment(sent, out var before) || moment2 <= before,
        FilterLookup.CsvMulti => Text(value) is not { } csv || sent.ToString().Split(',').Any(v => SameValue(rule, csv, v)),
        FilterLookup.RepeatedMulti => Text(value) is not { } repeated || sent.Any(v => SameValue(rule, repeated, v!)),
        _ => Text(value) is not { } exact || SameValue(rule, exact, sent.ToString()),
    };

    /// <summary>A uuid matches any spelling Waldur accepts (hyphens, case); anything else exactly.</summary>
    private static bool SameValue(PushdownRule rule, string actual, string sent) =>
        rule.Field == "uuid" || rule.Field.EndsWith("Uuid", StringComparison.Ordinal)
            ? string.Equals(actual.Replace("-", "", StringComparison.Ordinal), sent.Replace("-", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)
            : string.Equals(actual, sent, StringComparison.Ordinal);

    private static string? Text(object value) => value switch
    {
        string text => text,
        bool flag => flag ? "true" : "false",
        long number => number.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    private static bool TryMoment(StringValues sent, out DateTimeOffset moment) =>
        DateTimeOffset.TryParse(sent.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out moment);

    /// <summary>The coded error when the gateway cannot answer without the ignored parameter.</summary>
    public static GatewayException Ignored(ListResource resource, string parameter, string? refusal = null) =>
        new WaldurFilterIgnoredException(parameter,
            $"The connected Waldur does not honour `?{parameter}=` on /{resource.Endpoint.Template} " +
            (refusal is null ? "(it returned rows that do not match it)" : $"({refusal})") +
            $"; `{resource.FieldName}` evaluates it in the gateway from now on: retry the request.");
}

/// <summary>Raised by the fetcher when Waldur ignored a pushed-down parameter; the planner re-plans without it.</summary>
internal sealed class WaldurFilterIgnoredException(string parameter, string message)
    : GatewayException(ErrorCodes.UpstreamFilterIgnored, message)
{
    public string Parameter { get; } = parameter;
}
