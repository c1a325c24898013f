using System.Text.RegularExpressions;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Waldur.Catalog.Generated;
using Waldur.GraphGateway.Hosting;
using Waldur.GraphGateway.Schema;
using Xunit;

namespace Waldur.GraphGateway.Tests.Hosting;

/// <summary>Catalog:Include / Catalog:Exclude, and the names of the schema they give.</summary>
public sealed partial class CatalogSelectionTests
{
    [Fact]
    public void The_default_is_the_reviewed_catalog_itself()
    {
        var choice = CatalogSelection.Select(null, null);
        Assert.Empty(choice.Errors);
        Assert.Same(WaldurCatalog.Reviewed, choice.Catalog);
        Assert.Same(WaldurCatalog.Reviewed, CatalogSelection.Select(" reviewed ", "").Catalog);
    }

    [Fact]
    public void Every_list_is_the_reviewed_ones_as_they_are_and_the_generated_rest()
    {
        var all = CatalogSelection.Select("*", null).Catalog;
        Assert.Equal(376, all.Resources.Count);
        Assert.Equal(86, all.Resources.Count(r => r.Path.Contains('{', StringComparison.Ordinal)));
        foreach (var reviewed in WaldurCatalog.Reviewed.Resources)
        {
            Assert.Same(reviewed, all[reviewed.TypeName]);
        }

        Assert.All(all.Resources.Except(WaldurCatalog.Reviewed.Resources), r => Assert.True(r.FollowWaldurOrder, r.TypeName));
    }

    [Fact]
    public void Names_tags_and_nested_connections_select_and_exclude_with_nested_lists_following_their_parent()
    {
        var choice = CatalogSelection.Select("openstack, customers, marketplaceProviderOfferings, Customer.users", "openstackInstances");
        Assert.Empty(choice.Errors);
        var resources = choice.Catalog.Resources;
        Assert.All(resources.Where(r => r.Parent is null && r.ListField.StartsWith("openstack", StringComparison.Ordinal)), r => Assert.Equal("openstack", r.Tag));
        Assert.Contains(resources, r => r.ListField == "openstackTenants");
        Assert.DoesNotContain(resources, r => r.ListField == "openstackInstances");
        // Instances' nested lists (floating IPs, ports) leave with their parent.
        Assert.DoesNotContain(resources, r => r.Parent == "OpenstackInstance");
        Assert.Contains(resources, r => r.Parent == "Customer" && r.ListField == "users");
        Assert.Contains(resources, r => r.ListField == "marketplaceProviderOfferings");
    }

    [Theory]
    [InlineData("digitalOceanImages,nosuchlist", null, "Catalog:Include names 'nosuchlist'")]
    [InlineData("*", "Customer.nosuch", "Catalog:Exclude names 'Customer.nosuch'")]
    [InlineData("openstack", "openstack", "selects no list")]
    public void A_bad_name_is_an_error_naming_the_key_and_the_name(string include, string? exclude, string expected)
    {
        var choice = CatalogSelection.Select(include, exclude);
        Assert.Contains(choice.Errors, e => e.Contains(expected, StringComparison.Ordinal));
        Assert.Same(WaldurCatalog.Reviewed, choice.Catalog);
    }

    [Fact]
    public void A_bad_name_stops_start_up_naming_the_key_and_the_name()
    {
        using var factory = GatewayHost.WithoutEmulator(new Dictionary<string, string?> { ["Catalog:Include"] = "digitalOceanImages,nosuchlist" });
        var error = Assert.Throws<OptionsValidationException>(() => factory.Services);
        Assert.Contains("Catalog:Include names 'nosuchlist'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_whose_references_and_reverse_connections_are_excluded_still_builds_with_plain_scalars()
    {
        // Regions' reverse connection `images` and projects' `customer` reference point at lists left out.
        using var factory = GatewayHost.WithoutEmulator(new Dictionary<string, string?> { ["Catalog:Include"] = "digitalOceanRegions,projects" });
        var sdl = SchemaSdl.Client(factory.Services.GetRequiredService<ISchema>());
        var document = Parser.Parse(sdl);
        var region = Type(document, "DigitalOceanRegion");
        Assert.DoesNotContain(region.Fields!.Items, f => f.Name.StringValue == "images");
        var project = Type(document, "Project");
        Assert.Contains(project.Fields!.Items, f => f.Name.StringValue == "customerUuid");
        Assert.DoesNotContain(project.Fields!.Items, f => f.Name.StringValue == "customer");
        Assert.DoesNotContain(document.Definitions.OfType<GraphQLObjectTypeDefinition>(), t => t.Name.StringValue == "Customer");
    }

    /// <summary>
    /// The `*` schema: every type name once, every field name once per type, and no name that is another name of its
    /// scope plus a digit (the mark of a collision patched with a counter).
    /// </summary>
    [Fact]
    public void The_full_schema_has_no_duplicate_or_counter_suffixed_names()
    {
        var sdl = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "schema.full.graphql"));
        var document = Parser.Parse(sdl);
        var types = document.Definitions.OfType<GraphQLTypeDefinition>().Select(t => t.Name.StringValue).ToList();
        Assert.Equal(types.Count, types.Distinct(StringComparer.Ordinal).Count());
        Assert.True(types.Count > 1000, $"{types.Count} types");
        AssertNoCounterSuffix(types, "type");
        foreach (var type in document.Definitions.OfType<GraphQLObjectTypeDefinition>())
        {
            var fields = type.Fields!.Items.Select(f => f.Name.StringValue).ToList();
            Assert.Equal(fields.Count, fields.Distinct(StringComparer.Ordinal).Count());
            AssertNoCounterSuffix(fields, type.Name.StringValue);
        }

        foreach (var input in document.Definitions.OfType<GraphQLInputObjectTypeDefinition>())
        {
            AssertNoCounterSuffix(input.Fields!.Items.Select(f => f.Name.StringValue).ToList(), input.Name.StringValue);
        }
    }

    private static void AssertNoCounterSuffix(IReadOnlyList<string> names, string scope)
    {
        var set = names.ToHashSet(StringComparer.Ordinal);
        var suffixed = names.Where(n => CounterSuffix().Match(n) is { Success: true } m && set.Contains(m.Groups[1].Value)).ToList();
        Assert.True(suffixed.Count == 0, $"{scope}: {string.Join(", ", suffixed)}");
    }

    private static GraphQLObjectTypeDefinition Type(GraphQLDocument document, string name) =>
        document.Definitions.OfType<GraphQLObjectTypeDefinition>().Single(t => t.Name.StringValue == name);

    [GeneratedRegex("^(.*[^0-9_])_?[0-9]+$")]
    private static partial Regex CounterSuffix();
}
