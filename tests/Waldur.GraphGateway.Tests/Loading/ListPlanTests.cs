using Microsoft.Extensions.Options;
using Waldur.Catalog.Generated;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.Loading.Paging;
using Waldur.GraphGateway.Loading.Sorting;
using Waldur.GraphGateway.WaldurApi;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading;

/// <summary>Plans as values: what the planner decides for a field, printed, with no Waldur behind it (the client refuses every call).</summary>
public sealed class ListPlanTests : IDisposable
{
    private readonly ScriptedWaldurClient _client = new();
    private readonly ListFetcher _fetcher;
    private readonly ListPlanner _planner;

    public ListPlanTests()
    {
        var options = Options.Create(new ListOptions());
        _fetcher = new ListFetcher(_client, new ListRequestCache(), [], options);
        _planner = new ListPlanner(_fetcher, new ResidualScanner(_fetcher, options), options);
    }

    public void Dispose()
    {
        // Planning never calls Waldur: the scripted client would have logged (and refused) any call.
        Assert.Empty(_client.Log);
        _fetcher.Dispose();
    }

    private static PagingArguments First(int n) => new(n, null, null, null);

    private static ListResource Resource(string typeName) => TestCatalog.Resources[typeName];

    /// <summary>Generated lists (every list Waldur serves), where some follow Waldur's own order.</summary>
    private static readonly ListResources Generated = new(WaldurCatalog.All, new RowShapes(WaldurCatalog.All));

    [Fact]
    public void A_filter_waldur_applies_on_a_list_in_waldur_order_is_one_get_of_that_page()
    {
        var plan = _planner.Plan(Generated["AwsInstance"], new ListRequest(new FieldFilter("state", "eq", "OK"), [], First(3)));
        Assert.Equal(ListPlanKind.WaldurPage, plan.Kind);
        Assert.Equal("waldur-page AwsInstance: GET api/aws-instances/?state=OK | residual: none | order: waldur | slice: first 3", plan.Describe());
    }

    [Fact]
    public void A_residual_filter_on_a_list_in_waldur_order_scans_keeping_that_order()
    {
        var plan = _planner.Plan(Generated["AwsInstance"],
            new ListRequest(new AllOfFilter([new FieldFilter("state", "eq", "OK"), new FieldFilter("name", "contains", "web")]), [], First(3)));
        Assert.Equal(ListPlanKind.Scan, plan.Kind);
        Assert.True(plan.InWaldurOrder);
        Assert.Equal("scan-in-waldur-order AwsInstance: GET api/aws-instances/?state=OK | residual: name.contains=\"web\" | order: waldur | slice: first 3", plan.Describe());
    }

    [Fact]
    public void A_count_only_selection_is_one_head_with_the_pushed_filter()
    {
        var plan = _planner.Plan(TestCatalog.Images, new ListRequest(new FieldFilter("type", "eq", "base"), [new SortKey("createdAt", true)], First(5), NeedsRows: false));
        Assert.Equal(ListPlanKind.Count, plan.Kind);
        Assert.Equal("count DigitalOceanImage: HEAD api/digitalocean-images/?type=base | residual: none | order: -createdAt | slice: first 5", plan.Describe());
    }

    [Fact]
    public void A_filter_waldur_applies_is_one_window_get_in_name_order()
    {
        var plan = _planner.Plan(TestCatalog.Images, new ListRequest(new FieldFilter("type", "eq", "base"), [], First(5)));
        Assert.Equal(ListPlanKind.Window, plan.Kind);
        Assert.Equal("window DigitalOceanImage: GET api/digitalocean-images/?type=base | residual: none | order: name | slice: first 5", plan.ToString());
    }

    [Fact]
    public void An_order_waldur_sorts_is_a_window_over_its_o_order()
    {
        var plan = _planner.Plan(TestCatalog.Images,
            new ListRequest(null, [new SortKey("type", true), new SortKey("distribution", false), new SortKey("name", false)], First(3)));
        Assert.Equal(ListPlanKind.Window, plan.Kind);
        Assert.Equal("window DigitalOceanImage: GET api/digitalocean-images/?o=-type,distribution | residual: none | order: -type, distribution, name | slice: first 3", plan.Describe());
    }

    [Fact]
    public void A_filter_only_the_gateway_evaluates_is_a_scan_of_the_pushed_rest()
    {
        var plan = _planner.Plan(TestCatalog.Images,
            new ListRequest(new AllOfFilter([new FieldFilter("isOfficial", "eq", true), new FieldFilter("type", "eq", "base")]), [], First(5)));
        Assert.Equal(ListPlanKind.Scan, plan.Kind);
        Assert.Equal("scan DigitalOceanImage: GET api/digitalocean-images/?type=base | residual: isOfficial.eq=true | order: name | slice: first 5", plan.Describe());
    }

    [Fact]
    public void An_order_waldur_cannot_start_is_a_scan()
    {
        var plan = _planner.Plan(TestCatalog.Images, new ListRequest(null, [new SortKey("createdAt", false)], First(5)));
        Assert.Equal("scan DigitalOceanImage: GET api/digitalocean-images/ | residual: none | order: createdAt | slice: first 5", plan.Describe());
    }

    [Fact]
    public void Parents_filtered_by_a_multi_value_reference_share_one_child_rows_batch()
    {
        var plan = _planner.PlanReverse(Resource("Project"), new ReverseParent("customerUuid", $"{1:x32}"), new ListRequest(new FieldFilter("name", "eq", "p"), [], First(5)));
        Assert.False(plan.Batch!.ByAncestor);
        Assert.Equal("child-rows batch: GET api/projects/?name_exact=p&customer=<parents> then given-rows Project: rows in hand | residual: and[name.eq=\"p\";customerUuid.eq=\"00000000000000000000000000000001\";] | order: name | slice: first 5", plan.Describe());
    }

    [Fact]
    public void Parents_through_an_embedded_list_are_one_planner_plan_each()
    {
        var plan = _planner.PlanReverse(TestCatalog.Images, new ReverseParent("regions", $"{1:x32}"), new ListRequest(null, [], First(5)));
        Assert.Null(plan.Batch);
        Assert.Equal("per parent: scan DigitalOceanImage: GET api/digitalocean-images/ | residual: regions.some(uuid.eq=\"00000000000000000000000000000001\") | order: name | slice: first 5", plan.Describe());
    }
    private static ReverseParent OrderParent(string? customer = "c") =>
        new("marketplaceResourceUuid", $"{1:x32}", [KeyValuePair.Create("projectUuid", (string?)"p"), KeyValuePair.Create("customerUuid", customer)]);

    [Fact]
    public void Parents_whose_own_plan_is_a_scan_share_a_child_rows_batch_through_their_ancestors()
    {
        var plan = _planner.PlanReverse(Resource("MarketplaceOrder"), OrderParent(), new ListRequest(null, [], First(1)));
        Assert.Equal(["project_uuid", "customer_uuid"], plan.Batch!.Ancestors.Select(a => a.Parameter));
        Assert.Equal(ListPlanKind.Scan, plan.Own!.Kind);
        Assert.Equal("child-rows batch by ancestor: GET api/marketplace-orders/?project_uuid=<shared ancestor> or customer_uuid=<shared ancestor> grouped by marketplaceResourceUuid, "
            + "else per parent: scan MarketplaceOrder: GET api/marketplace-orders/?resource_uuid=00000000000000000000000000000001 | residual: none | order: uuid | slice: first 1; "
            + "then given-rows MarketplaceOrder: rows in hand | residual: marketplaceResourceUuid.eq=\"00000000000000000000000000000001\" | order: uuid | slice: first 1", plan.Describe());
    }

    [Fact]
    public void An_ancestor_the_callers_filter_pins_is_not_batched_through()
    {
        var plan = _planner.PlanReverse(Resource("MarketplaceOrder"), OrderParent(), new ListRequest(new FieldFilter("customerUuid", "eq", $"{2:x32}"), [], First(1)));
        Assert.Equal(["project_uuid"], plan.Batch!.Ancestors.Select(a => a.Parameter));
        Assert.Equal($"{2:x32}", plan.Batch.Pushdown["customer_uuid"]);
    }

    [Fact]
    public void A_parent_whose_own_plan_is_one_small_page_keeps_it()
    {
        var parent = new ReverseParent("projectUuid", $"{1:x32}", [KeyValuePair.Create("customerUuid", (string?)"c")]);
        var plan = _planner.PlanReverse(Resource("MarketplaceResource"), parent, new ListRequest(null, [new SortKey("name", false)], First(1)));
        Assert.Null(plan.Batch);
        Assert.Equal("per parent: window MarketplaceResource: GET api/marketplace-resources/?project_uuid=00000000000000000000000000000001&o=name | residual: none | order: name | slice: first 1", plan.Describe());
    }

    [Fact]
    public void A_slice_from_the_back_between_two_cursors_prints_each_bound()
    {
        var hash = ExecutorHarness.Hash(TestCatalog.Images, null, []);
        var paging = new PagingArguments(null, CursorCodec.Encode(3, hash), 2, CursorCodec.Encode(9, hash));
        var plan = _planner.Plan(TestCatalog.Images, new ListRequest(null, [], paging));
        Assert.EndsWith(" | slice: last 2 after 3 before 9", plan.Describe(), StringComparison.Ordinal);
    }
}
