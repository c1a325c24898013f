using Waldur.Catalog.Generated;
using Waldur.Catalog.Model;

namespace Waldur.Catalog.Generator.Tests;

/// <summary>The core Waldur resources: what the reviewed overrides and the new generator rules make of them.</summary>
[Collection(SpecCollection.Name)]
public sealed class CoreResourceTests(SpecFixture fixture)
{
    private static FieldDescriptor Field(ResourceDescriptor r, string name) => r.Fields.Single(f => f.Name == name);

    [Fact]
    public void Projects_filter_sort_and_link_to_their_customer()
    {
        var project = fixture.Resource("Project");
        Assert.Equal(("projects", "projectByUuid", "projectsByUuids"), (project.ListField, project.ByUuidField, project.ByUuidsField));
        Assert.Contains(new FilterDescriptor("customer", "customerUuid", FilterLookup.Exact), project.Filters);
        Assert.Contains(new FilterDescriptor("customer", "customerUuid", FilterLookup.CsvMulti), project.Filters);
        Assert.Contains(new FilterDescriptor("name", "name", FilterLookup.IContains), project.Filters);
        Assert.DoesNotContain(project.Filters, f => f.Field == "created"); // "after" in 8.x, exact in 7.0.7 (U27): left to the gateway
        Assert.Equal(["name", "created", "customer_name", "customer_native_name", "customer_abbreviation", "start_date", "end_date"], project.Orders.Select(o => o.Key));
        Assert.DoesNotContain(project.Orders, o => o.Key == "estimated_cost");
        Assert.Equal("name", project.DefaultOrder);
        Assert.Null(project.Batch);
        Assert.True(project.SparseFields);

        var customerUuid = Field(project, "customerUuid");
        Assert.Equal(("customers_retrieve", "customer", false), (customerUuid.ReferenceOperationId, customerUuid.ReferenceField, customerUuid.ReferenceFromUrl));
        Assert.Equal("customer", Field(project, "customerUrl").JsonName);
        Assert.False(Field(project, "uuid").Nullable);

        var kind = Field(project, "kind");
        Assert.Equal("KindEnum", kind.EnumType);
        Assert.Equal(["default", "course", "public"], kind.EnumValues!);
        var oecd = Field(project, "oecdFos2007Code"); // oneOf [OecdFos2007CodeEnum, BlankEnum, NullEnum]
        Assert.Equal((ValueKind.String, true, "OecdFos2007CodeEnum", "1.1"), (oecd.Kind, oecd.Nullable, oecd.EnumType, oecd.EnumValues![0]));
        Assert.DoesNotContain("", oecd.EnumValues);

        // A project's resources and orders share its customer (both filter customer_uuid by project__customer__uuid).
        Assert.Equal(
            [("marketplaceResources", "MarketplaceResource", "projectUuid", "customerUuid"), ("marketplaceOrders", "MarketplaceOrder", "projectUuid", "customerUuid")],
            project.ReverseConnections.Select(c => (c.Name, c.SourceType, c.ViaField, string.Join(',', c.AncestorFields))));
    }

    [Fact]
    public void Marketplace_resources_reference_project_customer_offering_and_plan()
    {
        var resource = fixture.Resource("MarketplaceResource");
        string? Target(string field) => Field(resource, field).ReferenceOperationId;
        Assert.Equal(
            [("projectUuid", "project"), ("customerUuid", "customer"), ("offeringUuid", "offering"), ("planUuid", "plan")],
            new[] { "projectUuid", "customerUuid", "offeringUuid", "planUuid" }.Select(n => (n, Field(resource, n).ReferenceField)));
        Assert.Equal("marketplace_public_offerings_retrieve", Target("offeringUuid"));
        Assert.Null(Field(resource, "providerUuid").ReferenceOperationId); // offering.customer.uuid, not a service provider
        Assert.Equal(["offering", "plan", "project"], new[] { "offeringUrl", "planUrl", "projectUrl" }.Select(n => Field(resource, n).JsonName));
        var state = Field(resource, "state");
        Assert.Equal(("ResourceState", 6), (state.EnumType, state.EnumValues!.Count));
        Assert.Equal("MarketplaceOrder", Field(resource, "creationOrder").ObjectType);
        Assert.Contains(new FilterDescriptor("offering_uuid", "offeringUuid", FilterLookup.CsvMulti), resource.Filters);
        Assert.Contains(new FilterDescriptor("state", "state", FilterLookup.RepeatedMulti), resource.Filters);
        Assert.Equal(["name", "created", "project_name", "end_date"], resource.Orders.Select(o => o.Key)); // state sorts stored integers
        Assert.Null(resource.DefaultOrder); // Meta.ordering = created: not a text field
    }

    [Fact]
    public void Orders_navigate_to_the_marketplace_resource_not_the_plugin_object()
    {
        var order = fixture.Resource("MarketplaceOrder");
        Assert.Null(Field(order, "resourceUuid").ReferenceOperationId);
        var resource = Field(order, "marketplaceResourceUuid");
        Assert.Equal(("marketplace_resources_retrieve", "resource"), (resource.ReferenceOperationId, resource.ReferenceField));
        Assert.Contains(new FilterDescriptor("resource_uuid", "marketplaceResourceUuid", FilterLookup.Exact), order.Filters);
        Assert.Equal("offering", Field(order, "offeringUuid").ReferenceField);
        Assert.Equal("project", Field(order, "projectUuid").ReferenceField);
        var back = fixture.Resource("MarketplaceResource").ReverseConnections.Single();
        Assert.Equal(("marketplaceOrders", "MarketplaceOrder", "marketplaceResourceUuid"), (back.Name, back.SourceType, back.ViaField));
    }

    [Fact]
    public void Invoices_reference_their_customer_by_url_and_events_have_no_lookups()
    {
        var invoice = fixture.Resource("Invoice");
        var customer = Field(invoice, "customerUrl");
        Assert.Equal(("customer", "customers_retrieve", "customer", true), (customer.JsonName, customer.ReferenceOperationId, customer.ReferenceField, customer.ReferenceFromUrl));
        Assert.Null(invoice.DefaultOrder);
        Assert.Equal(["year", "month"], invoice.Orders.Select(o => o.Key));

        var events = fixture.Resource("Event");
        Assert.Equal(("events", null, null, null), (events.ListField, events.RetrieveOperationId, events.ByUuidField, events.ByUuidsField));
    }

    [Fact]
    public void Offerings_batch_by_uuid_list_and_public_offerings_list_their_resources()
    {
        var offering = fixture.Resource("MarketplacePublicOffering");
        Assert.Equal(new BatchDescriptor("uuid_list", FilterLookup.CsvMulti), offering.Batch);
        Assert.Equal("name", offering.DefaultOrder);
        Assert.Equal(("MarketplaceResource", "offeringUuid"), (offering.ReverseConnections.Single().SourceType, offering.ReverseConnections.Single().ViaField));
        Assert.Equal(new BatchDescriptor("uuid_list", FilterLookup.CsvMulti), fixture.Resource("MarketplaceProviderOffering").Batch);
        Assert.False(fixture.Resource("MarketplacePlan").SparseFields); // the plans list declares no `field`
    }

    [Fact]
    public void Customers_and_tenants_have_their_reverse_connections()
    {
        Assert.Equal(["projects", "marketplaceResources"], fixture.Resource("Customer").ReverseConnections.Select(c => c.Name));
        var tenant = fixture.Resource("OpenstackTenant");
        Assert.Equal(("openstackInstances", "OpenstackInstance", "tenantUuid"),
            (tenant.ReverseConnections.Single().Name, tenant.ReverseConnections.Single().SourceType, tenant.ReverseConnections.Single().ViaField));
        Assert.Equal("tenant", Field(fixture.Resource("OpenstackInstance"), "tenantUuid").ReferenceField);
    }

    [Fact]
    public void The_compiled_catalog_matches_the_generator_for_the_core_resources()
    {
        foreach (var r in fixture.Resources)
        {
            var compiled = WaldurCatalog.Reviewed[r.TypeName];
            Assert.Equal(r.Fields.Select(f => (f.Name, f.ReferenceField, f.ReferenceFromUrl, f.EnumType)), compiled.Fields.Select(f => (f.Name, f.ReferenceField, f.ReferenceFromUrl, f.EnumType)));
            Assert.Equal(r.SparseFields, compiled.SparseFields);
        }
    }
}
