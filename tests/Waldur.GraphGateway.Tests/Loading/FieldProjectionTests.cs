using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.Sorting;
using Waldur.GraphGateway.WaldurApi;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading;

/// <summary>What a list reads from Waldur: the selection and what the plan reads, sent as <c>field=</c> only where Waldur takes it.</summary>
public class FieldProjectionTests
{
    private static ListResource Droplets => TestCatalog.Resources["DigitalOceanDroplet"];

    [Fact]
    public void A_selection_maps_ids_references_and_reverse_connections_to_the_fields_behind_them()
    {
        var projects = TestCatalog.Resources["Project"];
        var selected = FieldProjection.Selected(projects, ["id", "name", "customer", "marketplaceResources", "__typename"]);

        Assert.NotNull(selected);
        Assert.Equal(new[] { "customerUuid", "name", "uuid" }, selected!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_unknown_selection_asks_for_everything()
    {
        Assert.Null(FieldProjection.Selected(Droplets, ["name", "somethingNew"]));
        Assert.Null(FieldProjection.Selected(Droplets, null));
        var everything = FieldProjection.Apply(WaldurListQuery.Unfiltered(), Droplets, null, ["description"], []);
        Assert.Null(everything.Reads);
        Assert.False(everything.SendsFields);
    }

    [Fact]
    public void A_list_without_field_reads_its_projection_but_sends_the_same_url()
    {
        var images = TestCatalog.Images;
        var selected = FieldProjection.Selected(images, ["id", "name", "regions"]);
        var query = FieldProjection.Apply(WaldurListQuery.Unfiltered(), images, selected, ["distribution"], []);

        // distribution is also the residual filter's, type an `o` key (a window's ties are ordered by them).
        Assert.Equal(["distribution", "name", "regions", "type", "uuid"], query.Reads!.Order(StringComparer.Ordinal));
        Assert.False(query.SendsFields);
        Assert.Equal(WaldurListQuery.Unfiltered().ToQueryString(), query.ToQueryString());
        // Two selections of the same URL are different rows: the request's page and scan caches tell them apart.
        var other = FieldProjection.Apply(WaldurListQuery.Unfiltered(), images, FieldProjection.Selected(images, ["type"]), [], []);
        Assert.NotEqual(query.PageKey, other.PageKey);
        Assert.NotEqual(query.FilterKey, other.FilterKey);
    }

    [Fact]
    public void Nested_rows_read_uuid_and_their_selected_sub_fields_unless_filtered_sorted_or_unknown()
    {
        var images = TestCatalog.Images;
        IReadOnlyCollection<string> Select(params string[] names) => FieldProjection.Selected(images, names)!;

        var query = FieldProjection.Apply(WaldurListQuery.Unfiltered(), images, Select("name", "regions", "regions.name"), [], []);
        Assert.Equal(["uuid", "name"], query.NestedReads!["regions"]);
        Assert.NotEqual(query.PageKey, (query with { NestedReads = null }).PageKey);

        Assert.Empty(FieldProjection.Apply(WaldurListQuery.Unfiltered(), images, Select("regions", "regions.*", "regions.uuid"), [], []).NestedReads!);
        Assert.Empty(FieldProjection.Apply(WaldurListQuery.Unfiltered(), images, Select("regions", "regions.name"), ["regions"], []).NestedReads!);
        Assert.Empty(FieldProjection.Apply(WaldurListQuery.Unfiltered(), images, Select("regions", "regions.images"), [], []).NestedReads!);
    }

    [Fact]
    public void A_field_list_needing_a_key_field_cannot_name_reads_it_without_sending_field()
    {
        var tenants = TestCatalog.Resources["OpenstackTenant"];
        var query = FieldProjection.Apply(WaldurListQuery.Unfiltered(), tenants, FieldProjection.Selected(tenants, ["accessUrl"]), [], []);

        Assert.Contains("access_url", query.Reads!);
        Assert.False(query.SendsFields);
        Assert.DoesNotContain("field=", query.ToQueryString(), StringComparison.Ordinal);
        var named = FieldProjection.Apply(WaldurListQuery.Unfiltered(), tenants, FieldProjection.Selected(tenants, ["name"]), [], []);
        Assert.True(named.SendsFields);
        Assert.Contains("field=name", named.ToQueryString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_add_what_the_plan_reads_in_the_serializers_order()
    {
        var selected = FieldProjection.Selected(Droplets, ["state"]);
        var keys = FieldProjection.Keys(Droplets, selected, ["description"], [new SortKey("ram", true)]);

        // uuid always (Waldur adds it only when asked; url only when selected), name as the default order and an `o` key,
        // the residual and sort fields, in the order Waldur's serializer writes them.
        string[] expected = ["uuid", "name", "description", "state", "ram"];
        var shape = Droplets.Endpoint.Shape.Fields.Select(f => f.Descriptor.JsonName).ToList();
        Assert.Equal(expected.OrderBy(shape.IndexOf), keys);
        Assert.Null(FieldProjection.Keys(Droplets, null, ["description"], []));
    }
}
