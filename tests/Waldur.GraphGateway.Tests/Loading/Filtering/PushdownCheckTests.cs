using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Primitives;
using Waldur.Catalog.Model;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.WaldurApi;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading.Filtering;

/// <summary>Pushed-down predicates re-checked on the rows Waldur returned (U27: Waldur ignores parameters it does not know).</summary>
public class PushdownCheckTests
{
    private static ListResource Resources => TestCatalog.Resources["MarketplaceResource"];

    private static WaldurListQuery Query(params (string Parameter, StringValues Value)[] filters)
    {
        var all = WaldurListQuery.NoFilters();
        foreach (var (parameter, value) in filters)
        {
            all[parameter] = value;
        }

        return new WaldurListQuery(all, null, 1, 20);
    }

    private static WaldurRow Image(string distribution, string type = "base") => TestCatalog.Row("DigitalOceanImage",
        new Dictionary<string, object?> { ["uuid"] = "bb000000000000000000000000000001", ["distribution"] = distribution, ["type"] = type });

    private static WaldurRow Resource(string project, string state) => TestCatalog.Row("MarketplaceResource",
        new Dictionary<string, object?> { ["uuid"] = "cc000000000000000000000000000001", ["projectUuid"] = project, ["state"] = state });

    [Fact]
    public void Rows_that_match_every_pushed_parameter_pass()
    {
        var rows = new[] { Image("Ubuntu"), Image("Ubuntu", "snapshot") };
        Assert.Null(PushdownCheck.FirstIgnored(TestCatalog.Images, Query(("distribution", "Ubuntu")), rows));
    }

    [Fact]
    public void U27_one_row_that_contradicts_an_exact_parameter_names_it()
    {
        var rows = new[] { Image("Ubuntu"), Image("Debian") };
        Assert.Equal("distribution", PushdownCheck.FirstIgnored(TestCatalog.Images, Query(("type", "base"), ("distribution", "Ubuntu")), rows));
    }

    [Fact]
    public void Uuids_match_in_any_spelling_Waldur_accepts_and_multi_values_match_any_of_them()
    {
        var rows = new[] { Resource("aa000000000000000000000000000001", "OK"), Resource("aa000000000000000000000000000002", "Erred") };
        Assert.Null(PushdownCheck.FirstIgnored(Resources, Query(("project_uuid", "AA000000-0000-0000-0000-000000000001")), rows[..1]));
        Assert.Equal("project_uuid", PushdownCheck.FirstIgnored(Resources, Query(("project_uuid", "aa000000000000000000000000000001")), rows));
        Assert.Null(PushdownCheck.FirstIgnored(Resources, Query(("state", new StringValues(["OK", "Erred"]))), rows));
        Assert.Equal("state", PushdownCheck.FirstIgnored(Resources, Query(("state", "OK")), rows));
    }

    [Fact]
    public void A_parameter_that_serves_eq_and_in_reads_as_the_multi_value_it_may_be()
    {
        // Projects' `customer=` is both an exact and a comma-separated filter (ProjectFilter.customer, RelatedUUIDInFilter).
        var projects = TestCatalog.Resources["Project"];
        WaldurRow Project(string customer) => TestCatalog.Row("Project",
            new Dictionary<string, object?> { ["uuid"] = "dd000000000000000000000000000001", ["customerUuid"] = customer });
        var rows = new[] { Project("aa000000000000000000000000000001"), Project("aa000000000000000000000000000002") };

        Assert.Null(PushdownCheck.FirstIgnored(projects, Query(("customer", "aa000000000000000000000000000001,aa000000000000000000000000000002")), rows));
        Assert.Equal("customer", PushdownCheck.FirstIgnored(projects, Query(("customer", "aa000000000000000000000000000001")), rows));
    }

    [Fact]
    public void Dates_are_checked_against_their_bound()
    {
        var orders = TestCatalog.Resources["MarketplaceOrder"];
        var day = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);
        WaldurRow Order(DateTimeOffset created) => TestCatalog.Row("MarketplaceOrder",
            new Dictionary<string, object?> { ["uuid"] = "ee000000000000000000000000000001", ["created"] = created });
        var rows = new[] { Order(day), Order(day.AddDays(-3)) };
        Assert.Null(PushdownCheck.FirstIgnored(orders, Query(("created", "2024-04-01T00:00:00.000000Z")), rows));
        Assert.Equal("created", PushdownCheck.FirstIgnored(orders, Query(("created", "2024-04-30T00:00:00.000000Z")), rows));
    }

    [Fact]
    public void Date_bounds_are_inclusive_and_an_upper_bound_is_checked_too()
    {
        var orders = TestCatalog.Resources["MarketplaceOrder"];
        // No reviewed list has a `lte` filter yet: the orders list with one, as a catalog may declare it.
        var before = new ListResource(orders.Descriptor with { Filters = [new FilterDescriptor("created_before", "created", FilterLookup.Before)] },
            TestCatalog.Shapes["MarketplaceOrder"]);
        var day = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);
        WaldurRow Order(DateTimeOffset created) => TestCatalog.Row("MarketplaceOrder",
            new Dictionary<string, object?> { ["uuid"] = "ee000000000000000000000000000001", ["created"] = created });
        const string bound = "2024-05-01T00:00:00.000000Z";

        Assert.Null(PushdownCheck.FirstIgnored(orders, Query(("created", bound)), [Order(day)]));
        Assert.Null(PushdownCheck.FirstIgnored(before, Query(("created_before", bound)), [Order(day), Order(day.AddDays(-1))]));
        Assert.Equal("created_before", PushdownCheck.FirstIgnored(before, Query(("created_before", bound)), [Order(day), Order(day.AddSeconds(1))]));
    }

    [Fact]
    public void Booleans_are_compared_as_the_true_or_false_the_gateway_sends()
    {
        WaldurRow Billable(bool billable) => TestCatalog.Row("MarketplaceResource",
            new Dictionary<string, object?> { ["uuid"] = "cc000000000000000000000000000001", ["offeringBillable"] = billable });

        Assert.Null(PushdownCheck.FirstIgnored(Resources, Query(("offering_billable", "true")), [Billable(true)]));
        Assert.Null(PushdownCheck.FirstIgnored(Resources, Query(("offering_billable", "false")), [Billable(false)]));
        Assert.Equal("offering_billable", PushdownCheck.FirstIgnored(Resources, Query(("offering_billable", "true")), [Billable(true), Billable(false)]));
        Assert.Equal("offering_billable", PushdownCheck.FirstIgnored(Resources, Query(("offering_billable", "false")), [Billable(true)]));
    }

    [Fact]
    public void Only_uuids_match_in_another_case_or_spelling()
    {
        // Any other text is compared exactly, as Waldur's `=` does.
        Assert.Equal("distribution", PushdownCheck.FirstIgnored(TestCatalog.Images, Query(("distribution", "Ubuntu")), [Image("ubuntu")]));
        Assert.Equal("distribution", PushdownCheck.FirstIgnored(TestCatalog.Images, Query(("distribution", "Ubuntu-")), [Image("Ubuntu")]));

        // The row's own uuid (a field named just `uuid`) sent upper-case and hyphenated, and a row uuid that carries hyphens.
        var droplets = TestCatalog.Resources["DigitalOceanDroplet"];
        var droplet = TestCatalog.Row("DigitalOceanDroplet", new Dictionary<string, object?> { ["uuid"] = "ab000000000000000000000000000001" });
        Assert.Null(PushdownCheck.FirstIgnored(droplets, Query(("uuid", "AB000000-0000-0000-0000-000000000001")), [droplet]));
        var hyphenated = Resource("aa000000-0000-0000-0000-000000000001", "OK");
        Assert.Null(PushdownCheck.FirstIgnored(Resources, Query(("project_uuid", "aa000000000000000000000000000001")), [hyphenated]));
    }

    [Fact]
    public void The_error_names_the_parameter_the_list_and_why()
    {
        var images = TestCatalog.Images;
        var ignored = Assert.IsType<WaldurFilterIgnoredException>(PushdownCheck.Ignored(images, "type"));
        var refused = Assert.IsType<WaldurFilterIgnoredException>(PushdownCheck.Ignored(images, "type", "Enter a valid UUID."));

        Assert.Equal("type", ignored.Parameter);
        Assert.Equal(ErrorCodes.UpstreamFilterIgnored, ignored.Code);
        Assert.Equal($"The connected Waldur does not honour `?type=` on /{images.Endpoint.Template} (it returned rows that do not match it); "
                     + $"`{images.FieldName}` evaluates it in the gateway from now on: retry the request.", ignored.Message);
        Assert.Equal($"The connected Waldur does not honour `?type=` on /{images.Endpoint.Template} (Enter a valid UUID.); "
                     + $"`{images.FieldName}` evaluates it in the gateway from now on: retry the request.", refused.Message);
    }

    [Fact]
    public void A_field_the_rows_were_not_read_with_is_not_checked_and_a_null_one_matches_nothing()
    {
        // Read with field= and without `distribution`: nothing to compare, so nothing is concluded.
        var rows = new[] { Image("Debian") };
        Assert.Null(PushdownCheck.FirstIgnored(TestCatalog.Images, Query(("distribution", "Ubuntu")) with { Reads = ["uuid", "type"] }, rows));
        // Read, but null or absent (7.0.7's projects have no is_removed): no SQL predicate matches NULL, so it was not applied.
        var unset = TestCatalog.Row("DigitalOceanImage", new Dictionary<string, object?> { ["uuid"] = "bb000000000000000000000000000009" });
        Assert.Equal("distribution", PushdownCheck.FirstIgnored(TestCatalog.Images, Query(("distribution", "Ubuntu")), [unset]));
    }

    [Fact]
    public void An_ignored_parameter_is_left_out_of_the_resources_pushdown_once_marked()
    {
        var ignored = new IgnoredFilters(NullLogger<IgnoredFilters>.Instance);
        Assert.Same(TestCatalog.Images.Pushdown, ignored.Honoured(TestCatalog.Images));

        ignored.Mark(TestCatalog.Images, "distribution");

        Assert.DoesNotContain(ignored.Honoured(TestCatalog.Images), r => r.Parameter == "distribution");
        Assert.Contains(ignored.Honoured(TestCatalog.Images), r => r.Parameter == "type");
        Assert.Same(TestCatalog.Regions.Pushdown, ignored.Honoured(TestCatalog.Regions));
    }
}
