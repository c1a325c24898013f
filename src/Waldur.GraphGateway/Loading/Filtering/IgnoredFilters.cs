using System.Collections.Concurrent;
using Waldur.GraphGateway.Telemetry;

namespace Waldur.GraphGateway.Loading.Filtering;

/// <summary>
/// Query parameters the connected Waldur was seen to ignore, per list (singleton, for the process's life). Waldur drops
/// a parameter it does not know without a word (U27: 7.x has no <c>slug</c> on projects, 8.x has), so a pushed-down
/// predicate is re-checked on the rows that come back (<see cref="PushdownCheck"/>); once one is seen ignored, the planner
/// stops pushing it and evaluates it in the gateway (within the scan budget).
/// </summary>
internal sealed class IgnoredFilters(ILogger<IgnoredFilters> logger)
{
    private readonly ConcurrentDictionary<(string Path, string Parameter), bool> _ignored = new();

    /// <summary>The resource's pushdown rules less those Waldur ignores; the same list while it ignores none.</summary>
    public IReadOnlyList<PushdownRule> Honoured(ListResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (_ignored.IsEmpty)
        {
            return resource.Pushdown;
        }

        var path = resource.Endpoint.Template;
        bool Honoured(PushdownRule rule) => !_ignored.ContainsKey((path, rule.Parameter))
            && !(rule.Lookup is Waldur.Catalog.Model.FilterLookup.CsvMulti or Waldur.Catalog.Model.FilterLookup.RepeatedMulti
                 && _ignored.ContainsKey((path, MultiValueParameter(rule.Parameter))));
        return resource.Pushdown.All(Honoured) ? resource.Pushdown : resource.Pushdown.Where(Honoured).ToList();
    }

    /// <summary>How a parameter refused with several values is remembered: its single-value form stays honoured.</summary>
    public static string MultiValueParameter(string parameter) => parameter + "[]";

    /// <summary>Whether this Waldur sorts the list by <paramref name="orderingKey"/> (an <c>o</c> key it has not refused).</summary>
    public bool Sorts(ListResource resource, string orderingKey)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return _ignored.IsEmpty || !_ignored.ContainsKey((resource.Endpoint.Template, OrderingParameter(orderingKey)));
    }

    /// <summary>How an <c>o</c> key is remembered beside the filter parameters.</summary>
    public static string OrderingParameter(string orderingKey) => "o=" + orderingKey;

    public void Mark(ListResource resource, string parameter)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (!_ignored.TryAdd((resource.Endpoint.Template, parameter), true))
        {
            return;
        }

        GatewayTelemetry.FiltersIgnored.Add(1, new KeyValuePair<string, object?>("waldur_gateway.resource", resource.TypeName),
            new KeyValuePair<string, object?>("waldur_gateway.parameter", parameter));
        if (logger.IsEnabled(LogLevel.Warning))
        {
            logger.LogWarning("Waldur does not honour ?{Parameter} on /{Path} (it ignored or refused it); `{Field}` now evaluates it in the gateway",
                parameter, resource.Endpoint.Template, resource.FieldName);
        }
    }
}
