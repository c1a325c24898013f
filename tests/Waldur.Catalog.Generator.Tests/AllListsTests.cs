using Waldur.Catalog.Model;

namespace Waldur.Catalog.Generator.Tests;

/// <summary>WaldurCatalog.All: every list operation, the reviewed ones untouched, conservative defaults and the naming rule.</summary>
[Collection(SpecCollection.Name)]
public sealed class AllListsTests(SpecFixture fixture)
{
    private IReadOnlyList<ResourceDescriptor> All() =>
        AllListsBuilder.Build(fixture.Spec.Document, OverridesReader.ReadFile(fixture.Paths.Overrides), fixture.Resources);

    [Fact]
    public void Every_list_operation_is_one_descriptor_and_the_reviewed_ones_are_the_reviewed_descriptors()
    {
        var all = All();
        Assert.Equal(376, all.Count);
        Assert.Equal(86, all.Count(r => r.Path.Contains('{', StringComparison.Ordinal)));
        Assert.Equal(81, all.Count(r => r.Parent is not null));
        foreach (var reviewed in fixture.Resources)
        {
            Assert.Same(reviewed, Assert.Single(all, r => r.Path == reviewed.Path));
        }
    }

    [Fact]
    public void The_committed_all_catalog_is_what_the_spec_and_overrides_produce()
    {
        var generated = Generator.GenerateBoth(fixture.Spec, fixture.Paths.Overrides, fixture.Paths.Spec).All;
        var result = CatalogCheck.Compare(File.ReadAllText(fixture.Paths.AllOutput), generated, "WaldurCatalog.All.g.cs");
        Assert.True(result.UpToDate, result.Message);
    }

    [Fact]
    public async Task The_check_covers_the_all_catalog_naming_it()
    {
        var dir = Directory.CreateTempSubdirectory("catalog-all-check-");
        try
        {
            var output = Path.Combine(dir.FullName, "WaldurCatalog.g.cs");
            File.Copy(fixture.Paths.Output, output);
            var all = File.ReadAllText(fixture.Paths.AllOutput);
            const string original = "ListField: \"accessSubnets\",";
            Assert.Contains(original, all, StringComparison.Ordinal);
            File.WriteAllText(RepositoryPaths.AllOutputBeside(output), all.Replace(original, "ListField: \"subnets\",", StringComparison.Ordinal));

            var run = await Generator.RunAsync(new GeneratorOptions(fixture.Paths.Spec, fixture.Paths.Overrides, output, Check: true));

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("WaldurCatalog.g.cs is up to date", run.Message, StringComparison.Ordinal);
            Assert.Contains("WaldurCatalog.All.g.cs is stale: resource AccessSubnet, property ListField", run.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Generated_lists_push_down_only_what_the_spec_makes_unambiguous()
    {
        foreach (var r in All().Where(r => r.FollowWaldurOrder))
        {
            var byName = r.Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
            foreach (var f in r.Filters)
            {
                var field = byName[f.Field];
                var unambiguous = (f.Parameter, f.Lookup) switch
                {
                    ("uuid" or "name_exact", FilterLookup.Exact) => true,
                    (_, FilterLookup.Boolean) => field.Kind == ValueKind.Boolean,
                    (_, FilterLookup.Exact or FilterLookup.RepeatedMulti) when field.EnumValues is not null => f.Parameter == field.JsonName,
                    (_, FilterLookup.Exact) => f.Parameter.EndsWith("_uuid", StringComparison.Ordinal) && f.Parameter == field.JsonName,
                    _ => false,
                };
                Assert.True(unambiguous, $"{r.TypeName}: {f.Parameter} → {f.Field} {f.Lookup}");
            }

            Assert.All(r.Orders, o => Assert.Equal(byName[o.Field].JsonName, o.Key));
            Assert.Null(r.DefaultOrder);
            Assert.Null(r.Batch);
        }
    }

    [Fact]
    public void Nullable_follows_required_and_int64_is_exact_text()
    {
        var all = All();
        // AccessSubnet lists `required`; AdminAnnouncement lists none, so every field of it may be null.
        var subnet = all.Single(r => r.TypeName == "AccessSubnet");
        Assert.False(subnet.Fields.Single(f => f.JsonName == "inet").Nullable);
        Assert.True(subnet.Fields.Single(f => f.JsonName == "description").Nullable);
        Assert.All(all.Single(r => r.TypeName == "AdminAnnouncement").Fields, f => Assert.True(f.Nullable, f.Name));
        var usage = all.Single(r => r.ListOperationId == "marketplace_category_component_usages_list").Fields.Single(f => f.JsonName == "reported_usage");
        Assert.Equal(ValueKind.Json, usage.Kind);
        Assert.False(usage.Sortable);
    }

    [Fact]
    public void A_generated_entry_renames_a_list_without_reviewing_it()
    {
        var text = File.ReadAllText(fixture.Paths.Overrides).TrimEnd();
        const string names = """
            , "generated": {
              "/api/access-subnets/": { "typeName": "AccessSubnetRange", "listField": "subnets", "source": "[UNVERIFIED] a clearer name" },
              "/api/customers/{customer_uuid}/users/": { "listField": "members", "source": "[UNVERIFIED] a clearer name" } } }
            """;
        var overrides = OverridesReader.Parse(text[..^1] + names);
        var all = AllListsBuilder.Build(fixture.Spec.Document, overrides, fixture.Resources);

        var subnets = all.Single(r => r.Path == "api/access-subnets/");
        Assert.Equal(("AccessSubnetRange", "subnets", true), (subnets.TypeName, subnets.ListField, subnets.FollowWaldurOrder));
        var members = all.Single(r => r.Path == "api/customers/{customer_uuid}/users/");
        Assert.Equal(("Customer", "members"), (members.Parent, members.ListField));
        var reviewed = OverridesReader.Parse(text[..^1] + """, "generated": { "/api/customers/": { "listField": "x", "source": "s" } } }""");
        Assert.Contains("not a list nobody reviewed", Assert.Throws<CatalogException>(() => AllListsBuilder.Build(fixture.Spec.Document, reviewed, fixture.Resources)).Message,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("marketplace_provider_offerings_list", "marketplaceProviderOfferings")]
    [InlineData("service_provider_checklists_summary", "serviceProviderChecklistsSummary")]
    [InlineData("openstack-volume_types_list", "openstackVolumeTypes")]
    public void Root_connections_are_camel_case_of_the_operation_id_without_list(string operationId, string field) =>
        Assert.Equal(field, AllListsNaming.RootField(operationId));

    [Fact]
    public void Nested_lists_are_named_by_their_path_on_the_parent_and_shared_item_schemas_by_their_operation()
    {
        var all = All();
        var users = all.Single(r => r.Path == "api/customers/{customer_uuid}/users/");
        Assert.Equal(("Customer", "users", "CustomerUser"), (users.Parent, users.ListField, users.TypeName));
        var listUsers = all.Single(r => r.Path == "api/customers/{uuid}/list_users/");
        Assert.Equal(("Customer", "listUsers"), (listUsers.Parent, listUsers.ListField));
        // UserRoleDetails is the item of 8 lists: the first (in path order) owns the name, the others follow their operation.
        Assert.Equal("UserRoleDetails", all.Single(r => r.Path == "api/call-managing-organisations/{uuid}/list_users/").TypeName);
        Assert.Equal("CustomersListUsersItem", listUsers.TypeName);
        var bookings = all.Single(r => r.Path == "api/marketplace-bookings/{uuid}/");
        Assert.Equal((null, "marketplaceBookings"), (bookings.Parent, bookings.ListField));
        Assert.Equal(all.Count, all.Select(r => r.TypeName).Distinct(StringComparer.Ordinal).Count());
    }
}
