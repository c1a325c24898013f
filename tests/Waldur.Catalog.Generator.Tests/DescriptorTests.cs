using Waldur.Catalog.Generated;
using Waldur.Catalog.Model;

namespace Waldur.Catalog.Generator.Tests;

/// <summary>
/// The generated images/regions descriptors carry exactly the values of the reviewed hand-written stand-in (every name,
/// description, nullability, sortable flag, filter, order and reverse connection), checked both on what the generator
/// builds in-process and on the compiled <see cref="WaldurCatalog.Reviewed"/>.
/// </summary>
[Collection(SpecCollection.Name)]
public sealed class DescriptorTests(SpecFixture fixture)
{
    private static readonly ResourceDescriptor ExpectedImage = new(
        TypeName: "DigitalOceanImage",
        Description: "A DigitalOcean image (distribution image, snapshot, backup or custom image) as Waldur knows it.",
        Noun: "image",
        NounPlural: "images",
        Path: "api/digitalocean-images/",
        Tag: "digitalocean",
        ListOperationId: "digitalocean_images_list",
        RetrieveOperationId: "digitalocean_images_retrieve",
        ListField: "digitalOceanImages",
        ListDescription: "DigitalOcean images, filtered, sorted and paged (HotChocolate conventions).",
        ByUuidField: "digitalOceanImageByUuid",
        ByUuidsField: "digitalOceanImagesByUuids",
        Paged: true,
        Fields: [
            new FieldDescriptor("uuid", "uuid", ValueKind.String, false, "Waldur's id: 32 lowercase hex digits.", Sortable: true),
            new FieldDescriptor("url", "url", ValueKind.String, false, "The image's absolute URL in Waldur's REST API.", Sortable: false),
            new FieldDescriptor("name", "name", ValueKind.String, false, "Distribution and version, e.g. `Ubuntu 22.04 (LTS) x64`, or a snapshot's name.",
                FilterDescription: "Waldur applies `eq` (exact) and `contains` (case-insensitive) itself."),
            new FieldDescriptor("distribution", "distribution", ValueKind.String, false, "The distribution, e.g. `Ubuntu`, `Debian`, `Unknown`.",
                FilterDescription: "Waldur applies `eq` (exact, case-sensitive) itself."),
            new FieldDescriptor("type", "type", ValueKind.String, false, "`base`, `snapshot`, `backup` or `custom`.",
                FilterDescription: "Waldur applies `eq` (exact, case-sensitive) itself."),
            new FieldDescriptor("isOfficial", "is_official", ValueKind.Boolean, false, "True when DigitalOcean publishes the image (it has a DigitalOcean slug)."),
            new FieldDescriptor("createdAt", "created_at", ValueKind.DateTime, true, "When the image was created (UTC), if known."),
            new FieldDescriptor("minDiskSize", "min_disk_size", ValueKind.Int, true, "The smallest disk the image fits on, in MiB (20 GB = 20480), if known.",
                FilterDescription: "In MiB."),
            new FieldDescriptor("regions", "regions", ValueKind.Object, false,
                "The regions the image is available in, filtered and sorted in the gateway (they come in the same Waldur response: no extra request). Without `order`, in Waldur's order.",
                IsList: true, ObjectType: "DigitalOceanRegion", Sortable: false),
        ],
        Filters: [
            new FilterDescriptor("name_exact", "name", FilterLookup.Exact),
            new FilterDescriptor("name", "name", FilterLookup.IContains),
            new FilterDescriptor("distribution", "distribution", FilterLookup.Exact),
            new FilterDescriptor("type", "type", FilterLookup.Exact),
        ],
        Orders: [
            new OrderDescriptor("distribution", "distribution"),
            new OrderDescriptor("type", "type"),
        ],
        DefaultOrder: "name",
        Batch: null,
        ReverseConnections: []);

    private static readonly ResourceDescriptor ExpectedRegion = new(
        TypeName: "DigitalOceanRegion",
        Description: "A DigitalOcean region as Waldur knows it.",
        Noun: "region",
        NounPlural: "regions",
        Path: "api/digitalocean-regions/",
        Tag: "digitalocean",
        ListOperationId: "digitalocean_regions_list",
        RetrieveOperationId: "digitalocean_regions_retrieve",
        ListField: "digitalOceanRegions",
        ListDescription: "DigitalOcean regions, filtered, sorted and paged (HotChocolate conventions).",
        ByUuidField: "digitalOceanRegionByUuid",
        ByUuidsField: "digitalOceanRegionsByUuids",
        Paged: true,
        Fields: [
            new FieldDescriptor("uuid", "uuid", ValueKind.String, false, "Waldur's id: 32 lowercase hex digits."),
            new FieldDescriptor("url", "url", ValueKind.String, false, "The region's absolute URL in Waldur's REST API."),
            new FieldDescriptor("name", "name", ValueKind.String, false, "DigitalOcean's name for the region, e.g. `Amsterdam 3`.",
                FilterDescription: "Waldur applies `eq` (exact) and `contains` (case-insensitive) itself."),
        ],
        Filters: [
            new FilterDescriptor("name_exact", "name", FilterLookup.Exact),
            new FilterDescriptor("name", "name", FilterLookup.IContains),
        ],
        Orders: [],
        DefaultOrder: "name",
        Batch: null,
        ReverseConnections: [
            new ReverseConnectionDescriptor("images", "DigitalOceanImage", "regions",
                "The images available in this region, with every argument of `digitalOceanImages`. Waldur cannot filter images by region (U12), so the gateway reads the images once per request (with the filters Waldur applies itself) and every `images` field of the request answers from that one scan, within `Lists:ScanBudgetRows`."),
        ]);

    public static TheoryData<string> Expected => new() { "DigitalOceanImage", "DigitalOceanRegion" };

    private static ResourceDescriptor ExpectedFor(string typeName) => typeName == "DigitalOceanImage" ? ExpectedImage : ExpectedRegion;

    [Theory]
    [MemberData(nameof(Expected))]
    public void The_generator_builds_the_reviewed_values(string typeName) => AssertSame(ExpectedFor(typeName), fixture.Resource(typeName));

    [Theory]
    [MemberData(nameof(Expected))]
    public void The_compiled_catalog_holds_the_reviewed_values(string typeName) => AssertSame(ExpectedFor(typeName), WaldurCatalog.Reviewed[typeName]);

    [Fact]
    public void The_catalog_lists_the_digitalocean_then_the_core_resources_in_the_overrides_order() =>
        Assert.Equal(
            ["DigitalOceanImage", "DigitalOceanRegion", "DigitalOceanSize", "DigitalOceanDroplet",
             "Customer", "Project", "User", "MarketplaceResource", "MarketplaceOrder", "MarketplacePublicOffering", "MarketplaceProviderOffering",
             "MarketplaceCategory", "MarketplaceServiceProvider", "MarketplacePlan", "Invoice", "Event", "OpenstackTenant", "OpenstackVolume", "OpenstackInstance"],
            WaldurCatalog.Reviewed.Resources.Select(r => r.TypeName));

    [Fact]
    public void Sizes_have_their_names_exact_filters_and_nested_regions()
    {
        var size = fixture.Resource("DigitalOceanSize");
        Assert.Equal(("digitalOceanSizes", "digitalOceanSizeByUuid", "digitalOceanSizesByUuids"), (size.ListField, size.ByUuidField, size.ByUuidsField));
        Assert.Equal("digitalocean_sizes_retrieve", size.RetrieveOperationId);
        Assert.Equal(
            [("name_exact", FilterLookup.Exact), ("name", FilterLookup.IContains), ("cores", FilterLookup.Exact), ("ram", FilterLookup.Exact), ("disk", FilterLookup.Exact)],
            size.Filters.Select(f => (f.Parameter, f.Lookup)));
        Assert.Empty(size.Orders); // SizeFilter has no OrderingFilter
        Assert.Equal("name", size.DefaultOrder);
        Assert.Equal(["uuid", "url", "name", "cores", "ram", "disk", "transfer", "regions"], size.Fields.Select(f => f.Name));
        Assert.All(size.Fields, f => Assert.False(f.Nullable));
        var regions = size.Fields.Single(f => f.Name == "regions");
        Assert.Equal((ValueKind.Object, true, "DigitalOceanRegion"), (regions.Kind, regions.IsList, regions.ObjectType));
    }

    [Fact]
    public void Droplets_reference_their_project_customer_and_service_settings()
    {
        var droplet = fixture.Resource("DigitalOceanDroplet");
        Assert.Equal("digitalOceanDroplets", droplet.ListField);
        string? Reference(string name) => droplet.Fields.Single(f => f.Name == name).ReferenceOperationId;
        Assert.Equal("projects_retrieve", Reference("projectUuid"));
        Assert.Equal("customers_retrieve", Reference("customerUuid"));
        Assert.Equal("service_settings_retrieve", Reference("serviceSettingsUuid"));
        Assert.Null(Reference("marketplaceOfferingUuid")); // no parameter names its operation
        Assert.Equal(3, droplet.Fields.Count(f => f.ReferenceOperationId is not null));
        // Projects and customers are in the catalog, so those two are navigable and their URLs move aside; service settings are not.
        FieldDescriptor F(string name) => droplet.Fields.Single(f => f.Name == name);
        Assert.Equal(("project", "customer"), (F("projectUuid").ReferenceField, F("customerUuid").ReferenceField));
        Assert.Null(F("serviceSettingsUuid").ReferenceField);
        Assert.Equal(("project", "customer"), (F("projectUrl").JsonName, F("customerUrl").JsonName));
        Assert.DoesNotContain(droplet.Fields, f => f.Name is "project" or "customer");
        Assert.Equal("CoreStates", F("state").EnumType);
        Assert.True(droplet.SparseFields);
    }

    [Fact]
    public void Droplet_filters_follow_BaseResourceFilter()
    {
        var droplet = fixture.Resource("DigitalOceanDroplet");
        var filters = droplet.Filters.ToDictionary(f => f.Parameter);
        Assert.Equal(new FilterDescriptor("state", "state", FilterLookup.RepeatedMulti), filters["state"]);
        Assert.Equal(new FilterDescriptor("name", "name", FilterLookup.IContains), filters["name"]);
        Assert.Equal(new FilterDescriptor("project_uuid", "projectUuid", FilterLookup.Exact), filters["project_uuid"]);
        Assert.Equal(new FilterDescriptor("backend_id", "backendId", FilterLookup.Exact), filters["backend_id"]);
        // Not pushed down: the serializer sources of these names were not verified.
        Assert.DoesNotContain("customer_name", filters.Keys);
        Assert.DoesNotContain("project_name", filters.Keys);
        Assert.DoesNotContain("external_ip", filters.Keys);
        Assert.Equal(["name", "created"], droplet.Orders.Select(o => o.Key));
        Assert.Equal("name", droplet.DefaultOrder);
        Assert.Null(droplet.Batch);
    }

    [Fact]
    public void Droplet_kinds_and_order_follow_the_defaults()
    {
        var droplet = fixture.Resource("DigitalOceanDroplet");
        FieldDescriptor F(string name) => droplet.Fields.Single(f => f.Name == name);
        Assert.Equal(["uuid", "url", "name"], droplet.Fields.Take(3).Select(f => f.Name));
        Assert.Equal(ValueKind.String, F("state").Kind);               // allOf $ref to the CoreStates enum
        Assert.Equal(ValueKind.DateTime, F("startTime").Kind);
        Assert.Equal(ValueKind.Float, F("latitude").Kind);
        Assert.Equal((ValueKind.String, true), (F("externalIps").Kind, F("externalIps").IsList));
        Assert.Equal(ValueKind.Json, F("marketplaceOfferingPluginOptions").Kind);
        Assert.Equal("marketplaceOfferingPluginOptions", droplet.Fields[^1].Name);
        Assert.True(F("startTime").Nullable); // the spec's `required: []`
        Assert.False(F("uuid").Nullable);     // overridden, citing core/models.py UuidMixin.uuid
    }

    private static void AssertSame(ResourceDescriptor expected, ResourceDescriptor actual)
    {
        Assert.Equal(expected.Fields, actual.Fields);
        Assert.Equal(expected.Filters, actual.Filters);
        Assert.Equal(expected.Orders, actual.Orders);
        Assert.Equal(expected.ReverseConnections, actual.ReverseConnections);
        // The scalar members (records compare their list members by reference, so those are compared above).
        Assert.Equal(Scalars(expected), Scalars(actual));
    }

    private static string Scalars(ResourceDescriptor r) =>
        string.Join("|", r.TypeName, r.Description, r.Noun, r.NounPlural, r.Path, r.Tag, r.ListOperationId, r.RetrieveOperationId, r.ListField,
            r.ListDescription, r.ByUuidField, r.ByUuidsField, r.Paged, r.DefaultOrder, r.Batch);
}
