using Waldur.Catalog.Generated;
using Waldur.Catalog.Model;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.WaldurApi;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading;

/// <summary>Which fields may want a list's rows whole: its own by-uuid fields, references to it, and the same for nested types.</summary>
public class UuidLookupFieldsTests
{
    [Fact]
    public void A_list_is_looked_up_by_its_by_uuid_fields_references_to_it_and_those_of_the_types_nested_in_its_rows()
    {
        var lookups = TestCatalog.Resources.LookupFields;

        var images = lookups.For(TestCatalog.Images);
        Assert.Contains("digitalOceanImageByUuid", images);
        Assert.Contains("digitalOceanImagesByUuids", images);
        // An image's rows carry whole regions, which prime the region cache too.
        Assert.Contains("digitalOceanRegionByUuid", images);
        Assert.DoesNotContain("customer", images);

        var customers = lookups.For(TestCatalog.Resources["Customer"]);
        Assert.Contains("customer", customers);
        Assert.DoesNotContain("digitalOceanRegionByUuid", customers);
    }

    [Fact]
    public async Task A_reference_field_and_a_type_nested_in_itself_are_followed_once()
    {
        // Regions nest a parent region (a cycle through one type), and images reference a home region by its retrieve
        // operation: a name no by-uuid field has. Built here, not from the shared catalog, so this test sees this code run.
        var catalog = WaldurCatalog.Reviewed;
        var region = catalog["DigitalOceanRegion"];
        region = region with { Fields = [.. region.Fields, new FieldDescriptor("parent", "parent", ValueKind.Object, true, "", ObjectType: region.TypeName)] };
        var image = catalog["DigitalOceanImage"];
        image = image with
        {
            Fields = [.. image.Fields, new FieldDescriptor("homeRegionUuid", "home_region_uuid", ValueKind.String, true, "",
                ReferenceOperationId: region.RetrieveOperationId, ReferenceField: "homeRegion")],
        };
        var resources = new ResourceCatalog([image, region]);
        var lists = new ListResources(resources, new RowShapes(resources));

        // The cycle must end: a type already seen is not walked again.
        var lookups = await Task.Run(() => new UuidLookupFields(lists.All)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(
            ["digitalOceanImageByUuid", "digitalOceanImagesByUuids", "digitalOceanRegionByUuid", "digitalOceanRegionsByUuids", "homeRegion"],
            lookups.For(lists["DigitalOceanImage"]).Order(StringComparer.Ordinal));
        Assert.Equal(["digitalOceanRegionByUuid", "digitalOceanRegionsByUuids", "homeRegion"], lookups.For(lists["DigitalOceanRegion"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Null_arguments_are_refused_by_name()
    {
        Assert.Equal("resources", Assert.Throws<ArgumentNullException>(() => new UuidLookupFields(null!)).ParamName);
        Assert.Equal("resource", Assert.Throws<ArgumentNullException>(() => TestCatalog.Resources.LookupFields.For(null!)).ParamName);
    }
}
