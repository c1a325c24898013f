using Microsoft.Extensions.Logging.Abstractions;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.Loading.Paging;
using Waldur.GraphGateway.Loading.Sorting;
using Waldur.GraphGateway.WaldurApi;
using Xunit;
using static Waldur.GraphGateway.Tests.Loading.ExecutorHarness;

namespace Waldur.GraphGateway.Tests.Loading;

/// <summary>
/// <see cref="ListPlanner"/> choices that depend on the request or on what this Waldur was seen to do: planning again
/// when Waldur ignores a pushed parameter (at most four attempts), refused <c>o</c> keys, a scan already in hand, what a
/// plan reads, and the kinds of generated lists.
/// </summary>
public sealed class ListPlannerReplanLoadingTests
{
    private static ListResource Images => TestCatalog.Images;

    private static List<WaldurRow> Rows() =>
    [
        Image(1, "a", "base", official: true), Image(2, "b", "snapshot"), Image(3, "c", "base"), Image(4, "d", "snapshot", official: true),
    ];

    [Fact]
    public async Task A_parameter_waldur_ignores_is_planned_again_as_a_residual_filter()
    {
        var ignored = new IgnoredFilters(NullLogger<IgnoredFilters>.Instance);
        using var waldur = new ExecutorHarness(Rows(), ignored: ignored);
        // This Waldur does not know `type`: it sends every row.
        waldur.Client.List = q => ScriptedWaldurClient.Serve(waldur.Rows, q with { Filters = WaldurListQuery.NoFilters() });
        var request = new ListRequest(new FieldFilter("type", "eq", "base"), [], First(3));
        var page = await waldur.Planner.LoadAsync(Images, request, default);

        Assert.Equal([$"GET type=base&page=1&page_size={4 + PageChooser.NameOrderMargin}", "GET page=1&page_size=300"], waldur.Log);
        Assert.Equal([Uuid(1), Uuid(3)], page.Edges.Select(e => e.Node.Uuid));
        Assert.Equal(2, page.TotalCount);
        Assert.Equal("scan DigitalOceanImage: GET api/digitalocean-images/ | residual: type.eq=\"base\" | order: name | slice: first 3",
            waldur.Planner.Plan(Images, request).Describe());
    }

    [Fact]
    public async Task The_planner_span_names_the_parameters_pushed_to_waldur()
    {
        using var waldur = new ExecutorHarness(Rows());
        await waldur.Planner.LoadAsync(Images, new ListRequest(new FieldFilter("type", "eq", "base"), [], First(3)), default);

        Assert.Equal(["type"], Assert.IsType<string[]>(waldur.Tag("plan.waldur_gateway.pushdown.parameters")));
        Assert.Equal("window", waldur.Tag("plan.waldur_gateway.planner.mode"));
    }

    [Fact]
    public async Task Planning_stops_after_four_attempts()
    {
        var ignored = new IgnoredFilters(NullLogger<IgnoredFilters>.Instance);
        using var waldur = new ExecutorHarness(Rows(), ignored: ignored);
        waldur.Client.List = q => ScriptedWaldurClient.Serve(waldur.Rows, q with { Filters = WaldurListQuery.NoFilters() });
        // Four parameters this Waldur ignores, found one per attempt: the fourth attempt's finding is the answer.
        var where = new AllOfFilter([new FieldFilter("type", "eq", "x"), new FieldFilter("name", "eq", "y"),
            new FieldFilter("name", "contains", "z"), new FieldFilter("distribution", "eq", "w")]);
        var error = await Assert.ThrowsAsync<WaldurFilterIgnoredException>(() =>
            waldur.Planner.LoadAsync(Images, new ListRequest(where, [], First(3)), default));

        // Each attempt pushes one parameter fewer.
        Assert.Equal([4, 3, 2, 1], waldur.Log.Select(l => l.Split(' ')[1].Split('&').Count(p => !p.StartsWith("page", StringComparison.Ordinal))));
        Assert.StartsWith("The connected Waldur does not honour `?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_o_key_waldur_refused_is_not_sent_again()
    {
        var ignored = new IgnoredFilters(NullLogger<IgnoredFilters>.Instance);
        using var waldur = new ExecutorHarness([], ignored: ignored);
        ignored.Mark(Images, IgnoredFilters.OrderingParameter("type"));

        var byType = waldur.Planner.Plan(Images, new ListRequest(null, [new SortKey("type", false)], First(3)));
        var byDistribution = waldur.Planner.Plan(Images, new ListRequest(null, [new SortKey("distribution", true), new SortKey("type", false)], First(3)));

        Assert.Equal("scan DigitalOceanImage: GET api/digitalocean-images/ | residual: none | order: type | slice: first 3", byType.Describe());
        Assert.Equal("window DigitalOceanImage: GET api/digitalocean-images/?o=-distribution | residual: none | order: -distribution, type | slice: first 3",
            byDistribution.Describe());
    }

    [Fact]
    public async Task A_scan_in_hand_answers_a_window_of_the_same_filters_without_asking_waldur()
    {
        using var waldur = new ExecutorHarness(Rows());
        var pushed = new FieldFilter("type", "eq", "base");
        var scanned = await waldur.RunAsync(Images, new ListRequest(new AllOfFilter([pushed, new FieldFilter("isOfficial", "eq", false)]), [], First(3)));
        var plan = waldur.Planner.Plan(Images, new ListRequest(pushed, [], First(3)));
        var page = await waldur.Executor.RunAsync(plan, default);

        Assert.Equal(ListPlanKind.Scan, plan.Kind);
        Assert.Equal(["GET type=base&page=1&page_size=300"], waldur.Log);
        Assert.Equal([Uuid(3)], scanned.Edges.Select(e => e.Node.Uuid));
        Assert.Equal([Uuid(1), Uuid(3)], page.Edges.Select(e => e.Node.Uuid));
    }

    [Fact]
    public void A_plan_reads_the_selection_and_the_fields_it_filters_and_sorts_by_in_the_gateway()
    {
        using var waldur = new ExecutorHarness([]);
        var where = new AllOfFilter([new FieldFilter("type", "eq", "base"), new FieldFilter("isOfficial", "eq", true)]);
        var filtered = waldur.Planner.Plan(Images, new ListRequest(where, [new SortKey("minDiskSize", true)], First(3), Selection: ["url"]));
        var plain = waldur.Planner.Plan(Images, new ListRequest(null, [], First(3), Selection: ["url"]));

        // Pushed `type` is read either way (an `o` key), so only the residual and order fields tell the plans apart.
        Assert.Contains("is_official", filtered.Query.Reads!);
        Assert.Contains("min_disk_size", filtered.Query.Reads!);
        Assert.Contains("type", filtered.Query.Reads!);
        Assert.DoesNotContain("is_official", plain.Query.Reads!);
        Assert.DoesNotContain("min_disk_size", plain.Query.Reads!);
    }

    private static readonly ListResource Generated = new(Images.Descriptor with { FollowWaldurOrder = true }, TestCatalog.Shapes["DigitalOceanImage"]);

    private static readonly ListResource Unpaged = new(Images.Descriptor with { FollowWaldurOrder = true, Paged = false }, TestCatalog.Shapes["DigitalOceanImage"]);

    public static TheoryData<string, string, bool, string> GeneratedPlans => new()
    {
        { "paged", "", true, "waldur-page DigitalOceanImage: GET api/digitalocean-images/ | residual: none | order: waldur | slice: first 3" },
        { "paged", "", false, "count DigitalOceanImage: HEAD api/digitalocean-images/ | residual: none | order: waldur | slice: first 3" },
        { "paged", "official", false, "scan-in-waldur-order DigitalOceanImage: GET api/digitalocean-images/ | residual: isOfficial.eq=true | order: waldur | slice: first 3" },
        { "paged", "-type", true, "window DigitalOceanImage: GET api/digitalocean-images/?o=-type | residual: none | order: -type | slice: first 3" },
        { "unpaged", "", true, "scan-in-waldur-order DigitalOceanImage: GET api/digitalocean-images/ | residual: none | order: waldur | slice: first 3" },
        { "unpaged", "-type", true, "scan-in-waldur-order DigitalOceanImage: GET api/digitalocean-images/ | residual: none | order: -type, waldur | slice: first 3" },
    };

    [Theory]
    [MemberData(nameof(GeneratedPlans))]
    public void Generated_lists_plan_waldur_pages_only_when_paged_unordered_and_filtered_by_waldur(string list, string arguments, bool needsRows, string expected)
    {
        using var waldur = new ExecutorHarness([]);
        FilterNode? where = arguments == "official" ? new FieldFilter("isOfficial", "eq", true) : null;
        SortKey[] order = arguments == "-type" ? [new SortKey("type", true)] : [];
        var plan = waldur.Planner.Plan(list == "paged" ? Generated : Unpaged, new ListRequest(where, order, First(3), needsRows));

        Assert.Equal(expected, plan.Describe());
    }
}
