namespace Waldur.Catalog.Generator.Tests;

[Collection(SpecCollection.Name)]
public sealed class OverridesTests(SpecFixture fixture)
{
    private const string Entry = """
        { "resources": { "/api/digitalocean-regions/": { "source": "views.py RegionViewSet", "fields": { "name": FIELD } } } }
        """;

    [Fact]
    public void A_field_override_that_changes_nullability_without_source_is_refused()
    {
        var e = Assert.Throws<CatalogException>(() => OverridesReader.Parse(Entry.Replace("FIELD", """{ "nullable": true }""", StringComparison.Ordinal)));
        Assert.Contains("resources[\"/api/digitalocean-regions/\"].fields.name has no \"source\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_override_with_a_source_is_accepted()
    {
        var overrides = OverridesReader.Parse(Entry.Replace("FIELD", """{ "nullable": true, "source": "models.py Region.name" }""", StringComparison.Ordinal));
        Assert.True(overrides.Resources[0].Fields["name"].Nullable);
    }

    [Fact]
    public void An_entry_without_source_is_refused()
    {
        var e = Assert.Throws<CatalogException>(() => OverridesReader.Parse("""{ "resources": { "/api/digitalocean-regions/": { } } }"""));
        Assert.Contains("has no \"source\"", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "resources": { "/api/digitalocean-regions/": { "source": "s", "defaultOrder": { "field": "name" } } } }""")]
    [InlineData("""{ "resources": { "/api/digitalocean-regions/": { "source": "s", "orders": { "items": [] } } } }""")]
    [InlineData("""{ "resources": { "/api/digitalocean-regions/": { "source": "s", "filters": { "items": [ { "parameter": "name", "field": "name", "lookup": "Exact" } ] } } } }""")]
    [InlineData("""{ "resources": { "/api/digitalocean-regions/": { "source": "s", "fields": { "url": { "sortable": false } } } } }""")]
    public void Behavioural_overrides_without_source_are_refused(string json)
    {
        var e = Assert.Throws<CatalogException>(() => OverridesReader.Parse(json));
        Assert.Contains("source", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_keys_are_refused() =>
        Assert.Contains("unknown key \"nulable\"", Assert.Throws<CatalogException>(() =>
            OverridesReader.Parse(Entry.Replace("FIELD", """{ "nulable": true }""", StringComparison.Ordinal))).Message, StringComparison.Ordinal);

    [Fact]
    public void A_filter_on_a_parameter_the_spec_lacks_is_refused()
    {
        var overrides = OverridesReader.Parse("""
            { "resources": { "/api/digitalocean-regions/": { "source": "s",
              "filters": { "source": "s", "items": [ { "parameter": "uuid", "field": "uuid", "lookup": "Exact" } ] } } } }
            """);
        var e = Assert.Throws<CatalogException>(() => CatalogBuilder.Build(fixture.Spec.Document, overrides));
        Assert.Contains("\"uuid\" is not a query parameter of digitalocean_regions_list", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_order_key_outside_the_specs_o_choices_is_refused()
    {
        var overrides = OverridesReader.Parse("""
            { "resources": { "/api/digitalocean-images/": { "source": "s",
              "orders": { "source": "s", "items": [ { "key": "name", "field": "name" } ] } } } }
            """);
        var e = Assert.Throws<CatalogException>(() => CatalogBuilder.Build(fixture.Spec.Document, overrides));
        Assert.Contains("order key \"name\" is not in the spec's `o` choices", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_push_down_only_the_unambiguous_filters()
    {
        var resources = CatalogBuilder.Build(fixture.Spec.Document, OverridesReader.Parse("""
            { "resources": { "/api/digitalocean-images/": { "source": "s" }, "/api/digitalocean-regions/": { "source": "s" } } }
            """));
        var images = resources[0];
        Assert.Equal([new("name_exact", "name", Model.FilterLookup.Exact)], images.Filters);
        Assert.Equal(["distribution", "type"], images.Orders.Select(o => o.Key));
        Assert.Null(images.DefaultOrder);
        Assert.True(images.Fields.Single(f => f.Name == "isOfficial").Nullable); // not in `required`: nullable until reviewed
        Assert.Equal("DigitalOceanRegion", images.Fields.Single(f => f.Name == "regions").ObjectType);
    }
}
