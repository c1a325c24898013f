using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.Sorting;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading;

/// <summary>What a list asks Waldur for with <c>field=</c>: the selection, what the plan reads, nothing where Waldur has no <c>field=</c>.</summary>
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
    public void An_unknown_selection_or_a_list_without_field_asks_for_everything()
    {
        Assert.Null(FieldProjection.Selected(Droplets, ["name", "somethingNew"]));
        Assert.Null(FieldProjection.Selected(TestCatalog.Images, ["name"]));
        Assert.Null(FieldProjection.Selected(Droplets, null));
    }

    [Fact]
    public void Keys_add_what_the_plan_reads_in_the_serializers_order()
    {
        var selected = FieldProjection.Selected(Droplets, ["state"]);
        var keys = FieldProjection.Keys(Droplets, selected, ["description"], [new SortKey("ram", true)]);

        // uuid/url always (Waldur adds neither), name as the default order and an `o` key, the residual and sort fields,
        // in the order Waldur's serializer writes them.
        string[] expected = ["uuid", "url", "name", "description", "state", "ram"];
        var shape = Droplets.Endpoint.Shape.Fields.Select(f => f.Descriptor.JsonName).ToList();
        Assert.Equal(expected.OrderBy(shape.IndexOf), keys);
        Assert.Null(FieldProjection.Keys(Droplets, null, ["description"], []));
    }
}
