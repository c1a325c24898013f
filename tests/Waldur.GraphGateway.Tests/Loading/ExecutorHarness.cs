using System.Diagnostics;
using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.Loading.Paging;
using Waldur.GraphGateway.Loading.Sorting;
using Waldur.GraphGateway.Telemetry;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Tests.Loading;

/// <summary>
/// A planner and its executor over a <see cref="ScriptedWaldurClient"/> that serves a fixed list of image rows, in the
/// order the test wrote them, filtered by <c>type</c>/<c>name_exact</c> and sorted by <c>o</c> (stably, so ties keep
/// that order): every request is logged, so a test asserts the exact Waldur calls. Runs inside its own
/// <see cref="Activity"/>, where the executor names its decision.
/// </summary>
internal sealed class ExecutorHarness : IDisposable
{
    private const string SpanName = "executor-test";

    private readonly Activity _activity = GatewayTelemetry.Source.StartActivity(SpanName)!;
    private readonly ListFetcher _fetcher;

    /// <summary>
    /// Samples only this harness's span and the spans started inside it (the planner's), whose tags are copied onto it
    /// as <c>operation.tag</c> when they end: the gateway names decisions on its own spans alone, and other tests' spans
    /// stay unsampled.
    /// </summary>
    static ExecutorHarness() => ActivitySource.AddActivityListener(new ActivityListener
    {
        ShouldListenTo = source => source.Name == GatewayTelemetry.Name,
        Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
            options.Name == SpanName || Activity.Current?.OperationName == SpanName ? ActivitySamplingResult.AllData : ActivitySamplingResult.None,
        ActivityStopped = activity =>
        {
            if (activity.Parent is { OperationName: SpanName } parent)
            {
                foreach (var (key, value) in activity.TagObjects)
                {
                    parent.SetTag($"{activity.OperationName}.{key}", value);
                }
            }
        },
    });

    public ExecutorHarness(IReadOnlyList<WaldurRow> rows, int budget = 10_000, int residualWork = 2_000_000, IgnoredFilters? ignored = null)
    {
        Rows = rows;
        var options = new ListOptions { ScanBudgetRows = budget, MaxResidualWork = residualWork };
        _fetcher = new ListFetcher(Client, new ListRequestCache(), [], Options.Create(options), ignored: ignored);
        var scanner = new ResidualScanner(_fetcher, Options.Create(options));
        Planner = new ListPlanner(_fetcher, scanner, Options.Create(options));
        Executor = new ListPlanExecutor(_fetcher, scanner, options);
        Client.List = q => ScriptedWaldurClient.Serve(Select(q), q);
        Client.Count = q => Select(q).Count;
    }

    public ScriptedWaldurClient Client { get; } = new();

    public IReadOnlyList<WaldurRow> Rows { get; }

    public ListPlanner Planner { get; }

    public ListPlanExecutor Executor { get; }

    public List<string> Log => Client.Log;

    /// <summary>The executor's decision on the current span (null: it recorded none).</summary>
    public string? Decision => _activity.GetTagItem("waldur_gateway.planner.mode") as string;

    /// <summary>A tag of this harness's span (<c>plan.…</c>: of the last planner span inside it).</summary>
    public object? Tag(string name) => _activity.GetTagItem(name);

    /// <summary>The Waldur page size of the last window read (<see cref="ListFetcher.RangeAsync"/> tags it).</summary>
    public object? WindowPageSize => _activity.GetTagItem("waldur_gateway.window.page_size");

    public void Dispose()
    {
        _fetcher.Dispose();
        _activity.Dispose();
    }

    public static WaldurRow Image(int uuid, string name, string type = "base", bool official = false) =>
        TestCatalog.Row("DigitalOceanImage", new Dictionary<string, object?>
        {
            ["uuid"] = $"{uuid:x32}", ["name"] = name, ["type"] = type, ["isOfficial"] = official, ["regions"] = new List<WaldurRow>(),
        });

    public static string Uuid(int uuid) => $"{uuid:x32}";

    public static PagingArguments First(int n, int? after = null, byte[]? hash = null) =>
        new(n, after is { } a ? CursorCodec.Encode(a, hash!) : null, null, null);

    public static PagingArguments Last(int n, int? before = null, byte[]? hash = null) =>
        new(null, null, n, before is { } b ? CursorCodec.Encode(b, hash!) : null);

    public static byte[] Hash(ListResource resource, FilterNode? where, IReadOnlyList<SortKey> order) =>
        CursorCodec.ArgumentsHash(resource.CursorScope, where, order);

    public Task<ConnectionPage> RunAsync(ListResource resource, ListRequest request) =>
        Executor.RunAsync(Planner.Plan(resource, request), default);

    private List<WaldurRow> Select(WaldurListQuery query)
    {
        IEnumerable<WaldurRow> rows = Rows.Where(r => query.Filters.All(f => f.Key switch
        {
            "type" => (string?)r["type"] == f.Value,
            "name_exact" => (string?)r["name"] == f.Value,
            _ => throw new InvalidOperationException($"unexpected parameter {f.Key}"),
        }));
        foreach (var key in (query.Ordering ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Reverse())
        {
            // Case-insensitive like a database collation: a test can make Waldur's `o` order disagree with the gateway's.
            rows = key[0] == '-'
                ? rows.OrderByDescending(r => (string?)r[key[1..]], StringComparer.OrdinalIgnoreCase)
                : rows.OrderBy(r => (string?)r[key], StringComparer.OrdinalIgnoreCase);
        }

        return rows.ToList();
    }
}
