using Waldur.Catalog.Model;

namespace Waldur.Catalog.Generator.Tests;

[Collection(SpecCollection.Name)]
public sealed class WritesTests(SpecFixture fixture)
{
    private IReadOnlyList<WriteDescriptor> Writes() =>
        WritesBuilder.Build(fixture.Spec.Document, OverridesReader.ReadFile(fixture.Paths.Overrides), fixture.Resources);

    private WriteDescriptor Write(string name) => Writes().Single(w => w.Name == name);

    [Fact]
    public void Write_names_are_unique_and_every_type_is_a_reviewed_resource()
    {
        var writes = Writes();
        Assert.Equal(23, writes.Count);
        Assert.Equal(writes.Count, writes.Select(w => w.Name).Distinct(StringComparer.Ordinal).Count());
        var types = fixture.Resources.Select(r => r.TypeName).ToHashSet(StringComparer.Ordinal);
        Assert.All(writes, w => Assert.Contains(w.TypeName!, types));
        Assert.All(writes, w => Assert.False(string.IsNullOrWhiteSpace(w.Source)));
        Assert.All(writes, w => Assert.StartsWith("api/", w.Path, StringComparison.Ordinal));
        Assert.All(writes.SelectMany(w => w.Input).Where(f => f.ReferenceType is not null), f => Assert.Contains(f.ReferenceType!, types));
    }

    [Fact]
    public void CreateProject_requires_name_and_customer_and_customer_is_a_Customer_reference()
    {
        var create = Write("createProject");
        Assert.Equal(("POST", "api/projects/", WriteKind.Create, "Project", "project"), (create.Method, create.Path, create.Kind, create.TypeName, create.PayloadField));
        Assert.Equal(["customer", "name"], create.Input.Where(f => f.Required).Select(f => f.JsonName).Order(StringComparer.Ordinal));
        var customer = create.Input.Single(f => f.JsonName == "customer");
        Assert.Equal(("customer", ValueKind.String, "Customer"), (customer.Name, customer.Kind, customer.ReferenceType));
        Assert.Equal(500, create.Input.Single(f => f.Name == "name").MaxLength);
        Assert.Equal("KindEnum", create.Input.Single(f => f.Name == "kind").EnumType);
        Assert.DoesNotContain(create.Input, f => f.JsonName == "image"); // format: binary, multipart only
        Assert.False(create.Asynchronous);
    }

    [Fact]
    public void Order_actions_are_Actions_on_a_uuid_path()
    {
        var approve = Write("approveMarketplaceOrderByConsumer");
        Assert.Equal(WriteKind.Action, approve.Kind);
        Assert.Equal("api/marketplace-orders/{uuid}/approve_by_consumer/", approve.Path);
        Assert.Equal("marketplaceOrder", approve.PayloadField);
        Assert.Empty(approve.Input);
        Assert.True(Write("cancelMarketplaceOrder").Asynchronous); // the spec documents 202
        var create = Write("createMarketplaceOrder");
        Assert.Equal("MarketplacePublicOffering", create.Input.Single(f => f.JsonName == "offering").ReferenceType);
        Assert.Equal(ValueKind.Json, create.Input.Single(f => f.JsonName == "attributes").Kind);
    }

    [Fact]
    public void Droplet_writes_are_asynchronous_and_reference_DigitalOcean_types()
    {
        var create = Write("createDigitalOceanDroplet");
        Assert.True(create.Asynchronous);
        Assert.Equal("DigitalOceanImage", create.Input.Single(f => f.JsonName == "image").ReferenceType);
        Assert.Equal("DigitalOceanRegion", create.Input.Single(f => f.JsonName == "region").ReferenceType);
        Assert.Equal("DigitalOceanSize", create.Input.Single(f => f.JsonName == "size").ReferenceType);
        Assert.Equal("Project", create.Input.Single(f => f.JsonName == "project").ReferenceType);
        var settings = create.Input.Single(f => f.JsonName == "service_settings");
        Assert.Equal((ValueKind.String, null, true, "api/service-settings/{uuid}/"), (settings.Kind, settings.ReferenceType, settings.Required, settings.UrlTemplate));
        var delete = Write("deleteDigitalOceanDroplet");
        Assert.Equal((WriteKind.Delete, "DELETE", true), (delete.Kind, delete.Method, delete.Asynchronous));
        Assert.All(Writes().Where(w => w.TypeName == "OpenstackInstance"), w => Assert.True(w.Asynchronous));
    }

    private const string Write1 = """
        { "resources": { "/api/projects/": { "source": "s" }, "/api/customers/": { "source": "s" } },
          "writes": { "OPERATION": { "name": "createProject", "kind": "Create", "typeName": "TYPE", "source": "views.py ProjectViewSet" FIELDS } } }
        """;

    private static string Json(string operation = "projects_create", string type = "Project", string fields = "") =>
        Write1.Replace("OPERATION", operation, StringComparison.Ordinal).Replace("TYPE", type, StringComparison.Ordinal).Replace("FIELDS", fields, StringComparison.Ordinal);

    private IReadOnlyList<WriteDescriptor> BuildFrom(string json)
    {
        var overrides = OverridesReader.Parse(json);
        return WritesBuilder.Build(fixture.Spec.Document, overrides, CatalogBuilder.Build(fixture.Spec.Document, overrides));
    }

    [Fact]
    public void A_minimal_write_builds_and_infers_the_customer_reference() =>
        Assert.Equal("Customer", BuildFrom(Json()).Single().Input.Single(f => f.JsonName == "customer").ReferenceType);

    [Fact]
    public void An_unknown_operation_id_is_refused() =>
        Assert.Contains("the spec has no operation \"projects_creat\"",
            Assert.Throws<CatalogException>(() => BuildFrom(Json(operation: "projects_creat"))).Message, StringComparison.Ordinal);

    [Fact]
    public void An_unknown_type_is_refused() =>
        Assert.Contains("typeName \"Projekt\" is not a reviewed catalog resource",
            Assert.Throws<CatalogException>(() => BuildFrom(Json(type: "Projekt"))).Message, StringComparison.Ordinal);

    [Fact]
    public void A_kind_that_does_not_fit_the_operation_is_refused() =>
        Assert.Contains("is not a Create", Assert.Throws<CatalogException>(() => BuildFrom(Json(operation: "projects_destroy"))).Message, StringComparison.Ordinal);

    [Fact]
    public void A_field_the_body_lacks_or_a_reference_to_an_unknown_type_is_refused()
    {
        Assert.Contains("request body does not have", Assert.Throws<CatalogException>(() =>
            BuildFrom(Json(fields: """, "fields": { "custommer": { "description": "x" } }"""))).Message, StringComparison.Ordinal);
        Assert.Contains("not a reviewed catalog resource", Assert.Throws<CatalogException>(() =>
            BuildFrom(Json(fields: """, "fields": { "type": { "reference": "ProjectType", "source": "s" } }"""))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_is_a_MarketplacePlan_sent_as_the_public_plan_url_of_the_offering()
    {
        const string Template = "api/marketplace-public-offerings/{offering}/plans/{uuid}/";
        foreach (var name in new[] { "createMarketplaceOrder", "switchMarketplaceResourcePlan" })
        {
            var plan = Write(name).Input.Single(f => f.JsonName == "plan");
            Assert.Equal(("MarketplacePlan", Template), (plan.ReferenceType, plan.UrlTemplate));
        }
    }

    [Theory]
    [InlineData("api/customers/{uuid}", "must be a path")]
    [InlineData("/api/customers/{uuid}/", "must be a path")]
    [InlineData("api/customers/x/", "hold {uuid}")]
    [InlineData("api/customers/{owner}/{uuid}/", "names {owner}, which is neither a property beside it")]
    public void A_url_template_must_be_a_path_with_the_uuid_and_known_placeholders(string template, string message) =>
        Assert.Contains(message, Assert.Throws<CatalogException>(() => BuildFrom(Json(fields:
            $$$""", "fields": { "customer": { "reference": null, "url": "{{{template}}}", "source": "s" } }"""))).Message, StringComparison.Ordinal);

    [Fact]
    public void A_url_template_may_name_a_property_beside_it() =>
        Assert.Equal("api/customers/{uuid}/{name}/", BuildFrom(Json(fields: """, "fields": { "customer": { "reference": null, "url": "api/customers/{uuid}/{name}/", "source": "s" } }"""))
            .Single().Input.Single(f => f.JsonName == "customer").UrlTemplate);

    [Theory]
    [InlineData("""{ "resources": {}, "writes": { "projects_create": { "name": "createProject", "kind": "Create", "typeName": "Project" } } }""", "has no \"source\"")]
    [InlineData("""{ "resources": {}, "writes": { "projects_create": { "name": "createProject", "kind": "Make", "typeName": "Project", "source": "s" } } }""", "is not one of")]
    [InlineData("""{ "resources": {}, "writes": { "projects_create": { "name": "createProject", "kind": "Create", "typeName": "Project", "source": "s", "async": true } } }""", "unknown key \"async\"")]
    [InlineData("""{ "resources": {}, "writes": { "projects_create": { "name": "createProject", "kind": "Create", "typeName": "Project", "source": "s", "fields": { "customer": { "reference": "Customer" } } } } }""", "has no \"source\"")]
    public void The_writes_section_is_read_strictly(string json, string message) =>
        Assert.Contains(message, Assert.Throws<CatalogException>(() => OverridesReader.Parse(json)).Message, StringComparison.Ordinal);

    [Fact]
    public void The_committed_writes_are_what_the_spec_and_overrides_produce()
    {
        var generated = Generator.GenerateBoth(fixture.Spec, fixture.Paths.Overrides, fixture.Paths.Spec).Writes;
        var result = CatalogCheck.Compare(File.ReadAllText(fixture.Paths.WritesOutput), generated, "WaldurWrites.g.cs");
        Assert.True(result.UpToDate, result.Message);
    }

    [Fact]
    public async Task The_check_notices_a_stale_WaldurWrites_and_names_the_write_and_input_field()
    {
        var dir = Directory.CreateTempSubdirectory("writes-check-");
        try
        {
            var output = Path.Combine(dir.FullName, "WaldurCatalog.g.cs");
            File.Copy(fixture.Paths.Output, output);
            File.Copy(fixture.Paths.AllOutput, RepositoryPaths.AllOutputBeside(output));
            var writes = File.ReadAllText(fixture.Paths.WritesOutput);
            const string original = "new InputFieldDescriptor(\"customer\", \"customer\", ValueKind.String, true,";
            Assert.Contains(original, writes, StringComparison.Ordinal);
            File.WriteAllText(RepositoryPaths.WritesOutputBeside(output),
                writes.Replace(original, "new InputFieldDescriptor(\"customer\", \"customer\", ValueKind.String, false,", StringComparison.Ordinal));

            var run = await Generator.RunAsync(new GeneratorOptions(fixture.Paths.Spec, fixture.Paths.Overrides, output, Check: true));

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("WaldurCatalog.g.cs is up to date.", run.Message, StringComparison.Ordinal);
            Assert.Contains("WaldurWrites.g.cs is stale: write createProject, input field customer differs", run.Message, StringComparison.Ordinal);
            Assert.Equal(0, (await Generator.RunAsync(new GeneratorOptions(fixture.Paths.Spec, fixture.Paths.Overrides, output, Check: false))).ExitCode);
            Assert.Equal(0, (await Generator.RunAsync(new GeneratorOptions(fixture.Paths.Spec, fixture.Paths.Overrides, output, Check: true))).ExitCode);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
