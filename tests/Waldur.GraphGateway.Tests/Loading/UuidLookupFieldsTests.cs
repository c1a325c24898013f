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
}
