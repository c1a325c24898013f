using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Waldur.GraphGateway.Telemetry;

/// <summary>
/// The gateway's own spans and instruments, shared by every layer (like Errors/). With no listener a span is never
/// created (<see cref="ActivitySource.StartActivity(string, ActivityKind)"/> returns null) and an instrument's
/// <see cref="Instrument.Enabled"/> is false, so callers build tags only behind those checks: telemetry off costs a branch.
/// Attributes carry names (operations, resources, parameters, codes), never values a caller sent.
/// </summary>
internal static class GatewayTelemetry
{
    public const string Name = "Waldur.GraphGateway";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Operations = Meter.CreateCounter<long>("waldur_gateway.operations", "{operation}",
        "GraphQL operations, by outcome and first error code.");

    public static readonly Histogram<int> WaldurRequestsPerOperation = Meter.CreateHistogram("waldur_gateway.operation.waldur_requests", "{request}",
        "Waldur HTTP requests (retries included) one GraphQL operation caused.", advice: Buckets(0, 1, 2, 3, 5, 10, 20, 50, 100, 300));

    public static readonly Counter<long> WaldurResponseBytes = Meter.CreateCounter<long>("waldur_gateway.waldur.response.body.size", "By",
        "Bytes of Waldur response bodies read.");

    public static readonly Counter<long> PlannerDecisions = Meter.CreateCounter<long>("waldur_gateway.planner.decisions", "{decision}",
        "How a list field or lookup batch was answered, by mode and resource type.");

    public static readonly Histogram<int> DataLoaderBatchSize = Meter.CreateHistogram("waldur_gateway.dataloader.batch.size", "{key}",
        "Keys fetched by one DataLoader batch, by loader and resource type.", advice: Buckets(1, 2, 5, 10, 20, 50, 100, 200, 500));

    public static readonly Histogram<int> ScanRows = Meter.CreateHistogram("waldur_gateway.scan.rows", "{row}",
        "Rows one scan read from Waldur, by resource type.", advice: Buckets(0, 10, 50, 100, 300, 1000, 3000, 10000));

    public static readonly Counter<long> DocumentCacheLookups = Meter.CreateCounter<long>("waldur_gateway.document_cache.lookups", "{lookup}",
        "Parsed-document cache lookups, by result (hit or miss).");

    public static readonly Counter<long> ResponseCacheLookups = Meter.CreateCounter<long>("waldur_gateway.response_cache.lookups", "{lookup}",
        "Waldur response cache lookups (Caching:Enabled), by result (hit or miss).");

    public static readonly Counter<long> RedisFailures = Meter.CreateCounter<long>("waldur_gateway.redis.failures", "{operation}",
        "Redis operations skipped or failed; the gateway answered without Redis.");

    public static readonly Counter<long> EndpointsUnavailable = Meter.CreateCounter<long>("waldur_gateway.waldur.endpoints_unavailable", "{endpoint}",
        "List endpoints found missing in the connected Waldur (404 in Django's page); each is remembered for Waldur:UnavailableEndpointTtl.");

    public static readonly Counter<long> FiltersIgnored = Meter.CreateCounter<long>("waldur_gateway.waldur.filters_ignored", "{parameter}",
        "Query parameters the connected Waldur ignored (a returned row did not match the pushed-down predicate), by list and parameter.");

    private static int _breakerState;

    static GatewayTelemetry() => Meter.CreateObservableGauge("waldur_gateway.waldur.circuit.state", () => Volatile.Read(ref _breakerState), "{state}",
        "The Waldur client's circuit breaker: 0 closed, 1 open, 2 half-open.");

    /// <summary>Called by the resilience pipeline's breaker callbacks.</summary>
    public static void SetBreakerState(BreakerState state) => Volatile.Write(ref _breakerState, (int)state);

    /// <summary>A span named "<paramref name="operation"/> <paramref name="resourceType"/>", or null when nobody listens.</summary>
    public static Activity? StartSpan(string operation, string resourceType)
    {
        var activity = Source.StartActivity(operation);
        if (activity is not null)
        {
            activity.DisplayName = $"{operation} {resourceType}";
            activity.SetTag("waldur_gateway.resource", resourceType);
        }

        return activity;
    }

    /// <summary>Counts a planner decision and names it on the current span (the planner's or the batch's).</summary>
    public static void RecordDecision(string mode, string resourceType)
    {
        if (PlannerDecisions.Enabled)
        {
            PlannerDecisions.Add(1, new TagList { { "mode", mode }, { "resource", resourceType } });
        }

        Current?.SetTag("waldur_gateway.planner.mode", mode);
    }

    /// <summary>The Waldur pages a window read was planned as (several fields of a request may share them).</summary>
    public static void RecordWindow(int pages, int pageSize)
    {
        if (Current is { } activity)
        {
            activity.SetTag("waldur_gateway.window.pages", pages);
            activity.SetTag("waldur_gateway.window.page_size", pageSize);
        }
    }

    /// <summary>One finished scan: how many pages and rows it read.</summary>
    public static void RecordScan(string resourceType, int pages, int rows)
    {
        if (ScanRows.Enabled)
        {
            ScanRows.Record(rows, new KeyValuePair<string, object?>("resource", resourceType));
        }

        if (Current is { } activity)
        {
            activity.SetTag("waldur_gateway.scan.pages", pages);
            activity.SetTag("waldur_gateway.scan.rows", rows);
        }
    }

    /// <summary>The current span when it is the gateway's own: ASP.NET Core keeps an unrecorded one current even with tracing off.</summary>
    private static Activity? Current => Activity.Current is { } activity && ReferenceEquals(activity.Source, Source) ? activity : null;

    private static InstrumentAdvice<int> Buckets(params int[] bounds) => new() { HistogramBucketBoundaries = bounds };
}
