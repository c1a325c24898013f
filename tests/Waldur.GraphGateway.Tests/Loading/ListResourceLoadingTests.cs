using Waldur.Catalog.Generated;
using Waldur.Catalog.Model;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.WaldurApi;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading;

/// <summary>What <see cref="ListResource"/>, <see cref="PushdownRules"/>, <see cref="ResourceFields"/> and <see cref="ListResources"/> derive from catalog descriptors.</summary>
public class ListResourceLoadingTests
{
    private static readonly ResourceDescriptor ImageDescriptor = WaldurCatalog.Reviewed["DigitalOceanImage"];

    /// <summary>The image descriptor with extra fields (a list of strings, free-form JSON, an unfilterable text) and the given orders/default.</summary>
    private static ListResource Variant(string? defaultOrder, IReadOnlyList<OrderDescriptor>? orders = null)
    {
        var descriptor = ImageDescriptor with
        {
            Fields = [.. ImageDescriptor.Fields, .. ExtraFields],
            Orders = orders ?? ImageDescriptor.Orders,
            DefaultOrder = defaultOrder,
        };
        var catalog = new ResourceCatalog([descriptor, WaldurCatalog.Reviewed["DigitalOceanRegion"]]);
        return new ListResource(descriptor, new RowShapes(catalog)["DigitalOceanImage"]);
    }

    private static readonly FieldDescriptor[] ExtraFields =
    [
        new("tags", "tags", ValueKind.String, false, "", IsList: true),
        new("meta", "meta", ValueKind.Json, true, ""),
        new("secret", "secret", ValueKind.String, true, "", Filterable: false, Sortable: false),
        new("price", "price", ValueKind.Float, true, ""),
        new("owner", "owner", ValueKind.Object, true, "", ObjectType: "DigitalOceanRegion"),
    ];

    [Fact]
    public void Pushdown_rules_per_lookup()
    {
        static IEnumerable<(string, string, string, FilterLookup)> Rules(FilterLookup lookup) =>
            PushdownRules.For(new FilterDescriptor("p", "f", lookup)).Select(r => (r.Field, r.Operation, r.Parameter, r.Lookup));

        Assert.Equal([("f", "eq", "p", FilterLookup.Exact)], Rules(FilterLookup.Exact));
        Assert.Equal([("f", "eq", "p", FilterLookup.Boolean)], Rules(FilterLookup.Boolean));
        Assert.Equal([("f", "contains", "p", FilterLookup.IContains)], Rules(FilterLookup.IContains));
        Assert.Equal([("f", "gte", "p", FilterLookup.After)], Rules(FilterLookup.After));
        Assert.Equal([("f", "lte", "p", FilterLookup.Before)], Rules(FilterLookup.Before));
        Assert.Equal([("f", "in", "p", FilterLookup.CsvMulti), ("f", "eq", "p", FilterLookup.CsvMulti)], Rules(FilterLookup.CsvMulti));
        Assert.Equal([("f", "in", "p", FilterLookup.RepeatedMulti), ("f", "eq", "p", FilterLookup.RepeatedMulti)], Rules(FilterLookup.RepeatedMulti));
        Assert.Empty(Rules((FilterLookup)99));
        Assert.Throws<ArgumentNullException>(() => PushdownRules.For(null!));
    }

    [Fact]
    public void Images_push_down_their_catalog_filters()
    {
        Assert.Equal(
        [
            new PushdownRule("name", "eq", "name_exact"),
            new PushdownRule("name", "contains", "name", FilterLookup.IContains),
            new PushdownRule("distribution", "eq", "distribution"),
            new PushdownRule("type", "eq", "type"),
        ], TestCatalog.Images.Pushdown);
    }

    [Fact]
    public void Project_pushes_down_csv_and_boolean_filters_and_orders_an_after_filter()
    {
        var pushdown = TestCatalog.Resources["Project"].Pushdown;
        Assert.Contains(new PushdownRule("customerUuid", "in", "customer", FilterLookup.CsvMulti), pushdown);
        Assert.Contains(new PushdownRule("customerUuid", "eq", "customer", FilterLookup.CsvMulti), pushdown);
        Assert.Contains(new PushdownRule("isRemoved", "eq", "is_removed", FilterLookup.Boolean), pushdown);
        // Projects' `created` means "after" in 8.x but "exactly" in 7.0.7 (U27): it stays in the gateway. Orders' does not change.
        Assert.DoesNotContain(pushdown, r => r.Field == "created");
        Assert.Contains(new PushdownRule("created", "gte", "created", FilterLookup.After), TestCatalog.Resources["MarketplaceOrder"].Pushdown);
    }

    [Fact]
    public void A_text_default_order_is_known_with_its_exact_parameter()
    {
        var images = TestCatalog.Images;
        Assert.True(images.KnowsDefaultOrder);
        Assert.Equal("name", images.DefaultOrderField);
        Assert.Equal("name_exact", images.DefaultOrderExactParameter);
        Assert.Equal("DigitalOceanImage", images.TypeName);
        Assert.Equal("digitalOceanImages", images.FieldName);
        Assert.Equal("api/digitalocean-images/", images.Endpoint.Path);
        Assert.Same(TestCatalog.Shapes["DigitalOceanImage"], images.Endpoint.Shape);
    }

    [Fact]
    public void No_default_order_falls_back_to_uuid()
    {
        var resources = TestCatalog.Resources["MarketplaceResource"];
        Assert.False(resources.KnowsDefaultOrder);
        Assert.Equal("uuid", resources.DefaultOrderField);
        Assert.Null(resources.DefaultOrderExactParameter);
        var row = TestCatalog.Row("MarketplaceResource", new Dictionary<string, object?> { ["uuid"] = "u1", ["name"] = "n1" });
        Assert.Equal("u1", resources.DefaultOrderKey(row));
    }

    [Theory]
    [InlineData("minDiskSize")]
    [InlineData("isOfficial")]
    [InlineData("createdAt")]
    [InlineData("tags")]
    [InlineData("regions")]
    [InlineData("noSuchField")]
    public void Only_a_text_scalar_default_order_is_known(string defaultOrder)
    {
        var resource = Variant(defaultOrder);
        Assert.False(resource.KnowsDefaultOrder);
        Assert.Equal("uuid", resource.DefaultOrderField);
        Assert.Null(resource.DefaultOrderExactParameter);
    }

    [Fact]
    public void A_text_default_order_without_an_exact_filter_has_no_exact_parameter()
    {
        var resource = Variant("url");
        Assert.True(resource.KnowsDefaultOrder);
        Assert.Equal("url", resource.DefaultOrderField);
        Assert.Null(resource.DefaultOrderExactParameter);
    }

    [Fact]
    public void Default_order_key_reads_the_default_order_field()
    {
        var images = TestCatalog.Images;
        Assert.Equal("Ubuntu", images.DefaultOrderKey(TestCatalog.Row("DigitalOceanImage", new Dictionary<string, object?> { ["uuid"] = "u", ["name"] = "Ubuntu" })));
        Assert.Equal("", images.DefaultOrderKey(TestCatalog.Row("DigitalOceanImage", new Dictionary<string, object?> { ["uuid"] = "u" })));
        Assert.Throws<ArgumentNullException>(() => images.DefaultOrderKey(null!));
    }

    [Fact]
    public void Server_sort_takes_string_scalars_with_their_exact_parameter()
    {
        Assert.Equal(
        [
            new ServerSortRule("distribution", "distribution", "distribution"),
            new ServerSortRule("type", "type", "type"),
        ], TestCatalog.Images.ServerSort);

        var resource = Variant("name",
        [
            new OrderDescriptor("minDiskSize", "min_disk_size"), new OrderDescriptor("name", "name_key"), new OrderDescriptor("tags", "tags"),
            new OrderDescriptor("createdAt", "created_at"), new OrderDescriptor("url", "url"), new OrderDescriptor("isOfficial", "is_official"),
            new OrderDescriptor("regions", "regions"), new OrderDescriptor("gone", "gone"), new OrderDescriptor("type", "-type"),
        ]);
        Assert.Equal(
        [
            new ServerSortRule("name", "name_key", "name_exact"),
            new ServerSortRule("url", "url", null),
            new ServerSortRule("type", "-type", "type"),
        ], resource.ServerSort);
    }

    [Fact]
    public void Customer_server_sort_has_no_exact_parameter_for_an_icontains_only_field()
    {
        var sort = TestCatalog.Resources["Customer"].ServerSort;
        Assert.Contains(new ServerSortRule("name", "name", "name_exact"), sort);
        Assert.Contains(new ServerSortRule("nativeName", "native_name", null), sort);
        Assert.Contains(new ServerSortRule("registrationCode", "registration_code", "registration_code"), sort);
        Assert.DoesNotContain(sort, s => s.Field == "created");
    }

    [Fact]
    public void Constructors_refuse_null()
    {
        Assert.Throws<ArgumentNullException>(() => new ListResource(null!, TestCatalog.Shapes["DigitalOceanImage"]));
        Assert.Throws<ArgumentNullException>(() => new ListResource(ImageDescriptor, null!));
        Assert.Throws<ArgumentNullException>(() => new ListResources(null!, TestCatalog.Shapes));
        Assert.Throws<ArgumentNullException>(() => new ListResources(WaldurCatalog.Reviewed, null!));
        Assert.Throws<ArgumentNullException>(() => ResourceFields.For(null!));
        Assert.Throws<ArgumentNullException>(() => ResourceFields.IsFilterable(null!));
        Assert.Throws<ArgumentNullException>(() => ResourceFields.IsSortable(null!));
    }

    [Fact]
    public void List_resources_follow_the_catalog()
    {
        var resources = TestCatalog.Resources;
        Assert.Equal(WaldurCatalog.Reviewed.Resources.Select(r => r.TypeName), resources.All.Select(r => r.TypeName));
        Assert.Same(WaldurCatalog.Reviewed["Project"], resources["Project"].Descriptor);
        Assert.True(resources.TryGet("Customer", out var customer));
        Assert.Equal("Customer", customer.TypeName);
        Assert.False(resources.TryGet("Nope", out _));
        Assert.Throws<KeyNotFoundException>(() => resources["Nope"]);
    }

    [Fact]
    public void Resource_fields_by_kind()
    {
        var fields = Variant("name").Fields;
        Assert.Equal(FieldKind.Text, fields["name"].Kind);
        Assert.Equal(FieldKind.Text, fields["secret"].Kind);
        Assert.Equal(FieldKind.Boolean, fields["isOfficial"].Kind);
        Assert.Equal(FieldKind.Comparable, fields["minDiskSize"].Kind);
        Assert.Equal(FieldKind.Comparable, fields["createdAt"].Kind);
        Assert.Equal(FieldKind.Comparable, fields["price"].Kind);
        Assert.Equal(FieldKind.List, fields["regions"].Kind);
        Assert.Equal(FieldKind.Text, fields["regions"].Elements!["name"].Kind);
        Assert.Null(fields["name"].Elements);
        foreach (var absent in new[] { "tags", "meta", "owner" })
        {
            Assert.Throws<ArgumentException>(() => fields[absent]);
        }
    }

    [Fact]
    public void Resource_fields_read_the_row_slot()
    {
        var region = new TestRegion("r-url", "r-uuid", "Amsterdam").ToRow();
        var row = new TestImage("i-url", "i-uuid", "Ubuntu", "Ubuntu", "base", [new TestRegion("r-url", "r-uuid", "Amsterdam")], true,
            new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero), 20480L).ToRow();
        var fields = TestCatalog.Images.Fields;
        Assert.Equal("i-uuid", fields["uuid"].Get(row));
        Assert.Equal("Ubuntu", fields["name"].Get(row));
        Assert.Equal(true, fields["isOfficial"].Get(row));
        Assert.Equal(20480L, fields["minDiskSize"].Get(row));
        var regions = Assert.IsAssignableFrom<IReadOnlyList<WaldurRow>>(fields["regions"].Get(row));
        Assert.Equal("Amsterdam", fields["regions"].Elements!["name"].Get(regions[0]));
        Assert.Equal("r-uuid", fields["regions"].Elements!["uuid"].Get(region));
    }

    [Fact]
    public void Filterable_and_sortable_fields()
    {
        var descriptor = ImageDescriptor with { Fields = [.. ImageDescriptor.Fields, .. ExtraFields] };
        var shape = new RowShapes(new ResourceCatalog([descriptor, WaldurCatalog.Reviewed["DigitalOceanRegion"]]))["DigitalOceanImage"];
        string[] filterable = ["uuid", "url", "name", "distribution", "type", "isOfficial", "createdAt", "minDiskSize", "regions", "price"];
        string[] sortable = ["uuid", "name", "distribution", "type", "isOfficial", "createdAt", "minDiskSize", "price"];
        Assert.Equal(filterable, shape.Fields.Where(ResourceFields.IsFilterable).Select(f => f.Name));
        Assert.Equal(sortable, shape.Fields.Where(ResourceFields.IsSortable).Select(f => f.Name));
    }

    [Fact]
    public void A_field_marked_unfilterable_is_not_filterable_even_as_a_nested_list()
    {
        var fields = ImageDescriptor.Fields.Select(f => f.Name == "regions" ? f with { Filterable = false, Sortable = true } : f).ToList();
        var descriptor = ImageDescriptor with { Fields = fields };
        var shape = new RowShapes(new ResourceCatalog([descriptor, WaldurCatalog.Reviewed["DigitalOceanRegion"]]))["DigitalOceanImage"];
        Assert.False(ResourceFields.IsFilterable(shape["regions"]));
        Assert.False(ResourceFields.IsSortable(shape["regions"]));
    }
    /// <summary>A freshly built resource (not the shared catalog's), so the constructor's choices are observed directly.</summary>
    private static ListResource Fresh(ResourceDescriptor descriptor) =>
        new(descriptor, new RowShapes(new ResourceCatalog([descriptor, WaldurCatalog.Reviewed["DigitalOceanRegion"]]))["DigitalOceanImage"]);

    [Fact]
    public void A_root_list_names_its_endpoint_field_and_a_nested_list_does_not()
    {
        // The endpoint field picks the Caching:Ttl:<field> entry: a nested list must fall back to the default TTL.
        Assert.Equal("digitalOceanImages", Fresh(ImageDescriptor).Endpoint.Field);
        var nested = Fresh(ImageDescriptor with { Parent = "DigitalOceanRegion", Path = "api/regions/{region_uuid}/images/" });
        Assert.Null(nested.Endpoint.Field);
    }

    [Fact]
    public void The_exact_parameter_follows_only_a_known_default_order()
    {
        Assert.Equal("name_exact", Variant("name").DefaultOrderExactParameter);
        // uuid has an exact filter here, but an unknown default order is never re-read by value.
        var descriptor = ImageDescriptor with
        {
            DefaultOrder = null,
            Filters = [.. ImageDescriptor.Filters, new FilterDescriptor("uuid", "uuid", FilterLookup.Exact)],
        };
        var resource = Fresh(descriptor);
        Assert.False(resource.KnowsDefaultOrder);
        Assert.Null(resource.DefaultOrderExactParameter);
    }

    [Fact]
    public void With_path_fills_each_placeholder_escaped_and_keeps_the_rest()
    {
        var nested = Fresh(ImageDescriptor with { Parent = "DigitalOceanRegion", Path = "api/regions/{region_uuid}/images/{kind}/" });
        var filled = nested.WithPath(new Dictionary<string, string> { ["region_uuid"] = "r 1/x", ["kind"] = "k" });
        Assert.Equal("api/regions/r%201%2Fx/images/k/", filled.Endpoint.Path);
        Assert.Equal("api/regions/r%201%2Fx/images/k/", filled.CursorScope);
        Assert.Same(nested.Descriptor, filled.Descriptor);
        Assert.Same(nested.Endpoint.Shape, filled.Endpoint.Shape);
        Assert.Same(nested.Fields, filled.Fields);
        Assert.Same(nested.Pushdown, filled.Pushdown);
        Assert.Same(nested.ServerSort, filled.ServerSort);
        Assert.True(filled.KnowsDefaultOrder);
        Assert.Equal("name", filled.DefaultOrderField);
        Assert.Equal("name_exact", filled.DefaultOrderExactParameter);
        Assert.Equal("Ubuntu", filled.DefaultOrderKey(TestCatalog.Row("DigitalOceanImage", new Dictionary<string, object?> { ["uuid"] = "u", ["name"] = "Ubuntu" })));
        Assert.Equal("api/regions/{region_uuid}/images/{kind}/", nested.Endpoint.Path);
        Assert.Throws<ArgumentNullException>(() => nested.WithPath(null!));
    }
}
