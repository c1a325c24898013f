using Waldur.Catalog.Model;

namespace Waldur.Catalog.Generator.Tests;

/// <summary>The navigable-reference, enum and sparse-field rules on small override files over the real spec.</summary>
[Collection(SpecCollection.Name)]
public sealed class ReferenceRuleTests(SpecFixture fixture)
{
    private IReadOnlyList<ResourceDescriptor> Build(string resources) =>
        CatalogBuilder.Build(fixture.Spec.Document, OverridesReader.Parse($$"""{ "resources": { {{resources}} } }"""));

    private static FieldDescriptor Field(ResourceDescriptor r, string name) => r.Fields.Single(f => f.Name == name);

    [Fact]
    public void Without_the_target_in_the_catalog_a_uuid_stays_plain()
    {
        var droplet = Build("""  "/api/digitalocean-droplets/": { "source": "s" }  """)[0];
        Assert.Equal("projects_retrieve", Field(droplet, "projectUuid").ReferenceOperationId);
        Assert.Null(Field(droplet, "projectUuid").ReferenceField);
        Assert.Equal("project", Field(droplet, "project").JsonName); // the URL keeps its name
    }

    [Fact]
    public void With_the_target_in_the_catalog_the_uuid_becomes_navigable_and_the_url_is_renamed()
    {
        var droplet = Build("""  "/api/digitalocean-droplets/": { "source": "s" }, "/api/projects/": { "source": "s" }  """)[0];
        Assert.Equal("project", Field(droplet, "projectUuid").ReferenceField);
        Assert.Equal("project", Field(droplet, "projectUrl").JsonName);
        Assert.Null(Field(droplet, "customerUuid").ReferenceField); // customers are not in this catalog
        Assert.Equal("customer", Field(droplet, "customer").JsonName);
    }

    [Fact]
    public void An_override_renames_the_reference_field()
    {
        var droplet = Build("""
            "/api/digitalocean-droplets/": { "source": "s", "fields": { "project_uuid": { "referenceField": "owningProject", "source": "s" } } },
            "/api/projects/": { "source": "s" }
            """)[0];
        Assert.Equal("owningProject", Field(droplet, "projectUuid").ReferenceField);
        Assert.Equal("project", Field(droplet, "project").JsonName); // nothing clashes, nothing renamed
    }

    [Fact]
    public void A_url_reference_names_the_navigable_field_after_the_url_property()
    {
        var invoice = Build("""
            "/api/invoices/": { "source": "s", "fields": { "customer": { "reference": "customers_retrieve", "referenceFromUrl": true, "source": "s" } } },
            "/api/customers/": { "source": "s" }
            """)[0];
        var customer = Field(invoice, "customerUrl");
        Assert.Equal(("customer", "customer", true), (customer.JsonName, customer.ReferenceField, customer.ReferenceFromUrl));
    }

    [Theory]
    [InlineData("""{ "resources": { "/api/invoices/": { "source": "s", "fields": { "customer": { "referenceFromUrl": true, "source": "s" } } } } }""", "needs \"reference\"")]
    [InlineData("""{ "resources": { "/api/invoices/": { "source": "s", "fields": { "customer": { "referenceField": "c" } } } } }""", "has no \"source\"")]
    [InlineData("""{ "resources": { "/api/invoices/": { "source": "s", "fields": { "state": { "enumType": "X" } } } } }""", "has no \"source\"")]
    public void Reference_and_enum_overrides_need_what_they_say(string json, string message) =>
        Assert.Contains(message, Assert.Throws<CatalogException>(() => OverridesReader.Parse(json)).Message, StringComparison.Ordinal);

    [Fact]
    public void A_reference_field_to_a_resource_outside_the_catalog_is_refused()
    {
        var e = Assert.Throws<CatalogException>(() => Build("""
            "/api/digitalocean-droplets/": { "source": "s", "fields": { "project_uuid": { "referenceField": "p", "source": "s" } } }
            """));
        Assert.Contains("is not in the catalog", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enums_take_the_component_name_and_values_and_an_override_renames_the_type()
    {
        var droplet = Build("""
            "/api/digitalocean-droplets/": { "source": "s", "fields": { "state": { "enumType": "ResourceLifecycleState", "source": "s" } } }
            """)[0];
        var state = Field(droplet, "state");
        Assert.Equal("ResourceLifecycleState", state.EnumType);
        Assert.Equal(["CREATION_SCHEDULED", "CREATING", "UPDATE_SCHEDULED", "UPDATING", "DELETION_SCHEDULED", "DELETING", "OK", "ERRED"], state.EnumValues);
    }

    [Fact]
    public void One_enum_type_name_with_two_value_sets_is_refused()
    {
        var e = Assert.Throws<CatalogException>(() => Build("""
            "/api/digitalocean-droplets/": { "source": "s", "fields": { "state": { "enumType": "State", "source": "s" } } },
            "/api/invoices/": { "source": "s", "fields": { "state": { "enumType": "State", "source": "s" } } }
            """));
        Assert.Contains("has other values", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SparseFields_follows_the_lists_field_parameter()
    {
        var resources = Build("""  "/api/digitalocean-regions/": { "source": "s" }, "/api/digitalocean-droplets/": { "source": "s" }, "/api/marketplace-plans/": { "source": "s" }  """);
        Assert.Equal([false, true, false], resources.Select(r => r.SparseFields));
    }

    [Fact]
    public void A_reverse_connection_through_a_field_that_does_not_reference_the_type_is_refused()
    {
        var e = Assert.Throws<CatalogException>(() => Build("""
            "/api/customers/": { "source": "s", "reverseConnections": [ { "name": "droplets", "sourceType": "DigitalOceanDroplet", "viaField": "projectUuid", "description": "d", "source": "s" } ] },
            "/api/projects/": { "source": "s" },
            "/api/digitalocean-droplets/": { "source": "s" }
            """));
        Assert.Contains("neither references Customer", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reverse_connection_through_a_reference_Waldur_does_not_filter_on_is_refused()
    {
        var e = Assert.Throws<CatalogException>(() => Build("""
            "/api/customers/": { "source": "s", "reverseConnections": [ { "name": "projects", "sourceType": "Project", "viaField": "customerUuid", "description": "d", "source": "s" } ] },
            "/api/projects/": { "source": "s", "filters": { "source": "s", "items": [] } }
            """));
        Assert.Contains("does not filter on", e.Message, StringComparison.Ordinal);
    }
    private const string OrdersOfProjects = """
        "/api/projects/": { "source": "s", "reverseConnections": [ { "name": "orders", "sourceType": "MarketplaceOrder", "viaField": "projectUuid",
          "description": "d", "source": "s", "ancestors": [ ANCESTORS ] } ] },
        "/api/customers/": { "source": "s" },
        "/api/marketplace-orders/": { "source": "s", "typeName": "MarketplaceOrder", "filters": { "source": "s", "items": [
          { "parameter": "project_uuid", "field": "projectUuid", "lookup": "Exact" }, { "parameter": "customer_uuid", "field": "customerUuid", "lookup": "Exact" },
          { "parameter": "offering_uuid", "field": "offeringUuid", "lookup": "Exact" } ] } }
        """;

    [Fact]
    public void An_ancestor_both_types_reference_and_Waldur_filters_the_children_on_is_kept()
    {
        var project = Build(OrdersOfProjects.Replace("ANCESTORS", """{ "field": "customerUuid", "source": "s" }""", StringComparison.Ordinal))[0];
        Assert.Equal(["customerUuid"], project.ReverseConnections.Single().AncestorFields);
    }

    [Theory]
    [InlineData("""{ "field": "offeringUuid", "source": "s" }""", "do not both hold as the same reference")] // projects have no offering
    [InlineData("""{ "field": "customerUuid" }""", "has no \"source\"")]
    [InlineData("""{ "field": "customerUuid", "source": "s", "why": "w" }""", "unknown key \"why\"")]
    public void An_ancestor_without_a_shared_reference_or_a_source_is_refused(string ancestor, string error)
    {
        var e = Assert.Throws<CatalogException>(() => Build(OrdersOfProjects.Replace("ANCESTORS", ancestor, StringComparison.Ordinal)));
        Assert.Contains(error, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ancestor_Waldur_does_not_filter_the_children_on_is_refused()
    {
        var overrides = OrdersOfProjects.Replace("ANCESTORS", """{ "field": "customerUuid", "source": "s" }""", StringComparison.Ordinal)
            .Replace("""{ "parameter": "customer_uuid", "field": "customerUuid", "lookup": "Exact" },""", "", StringComparison.Ordinal);
        var e = Assert.Throws<CatalogException>(() => Build(overrides));
        Assert.Contains("which Waldur does not filter MarketplaceOrder on", e.Message, StringComparison.Ordinal);
    }
}
