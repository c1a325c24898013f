using Waldur.Catalog.Generated;
using Waldur.Catalog.Model;

namespace Waldur.Catalog.Generator.Tests;

/// <summary>
/// Only the gateway's Relay global id (<c>id: ID!</c> of a <c>Node</c>) is named <c>id</c>: Relay's compiler refuses any
/// other field <c>id</c> that is not an <c>ID</c>, and relay-runtime reads every <c>id</c> it sees as a global id. Waldur's
/// own <c>id</c> property is <c>waldurId</c> on every type, the JSON key staying <c>id</c>.
/// </summary>
[Collection(SpecCollection.Name)]
public sealed class RelayIdTests(SpecFixture fixture)
{
    /// <summary>Every GraphQL field name a descriptor gives its item type: properties, references, connections on it.</summary>
    private static IEnumerable<(string Type, string Field)> FieldNames(IReadOnlyList<ResourceDescriptor> catalog) =>
        catalog.SelectMany(r => r.Fields.Select(f => (r.TypeName, f.Name))
            .Concat(r.Fields.Select(f => f.ReferenceField).OfType<string>().Select(n => (r.TypeName, n)))
            .Concat(r.ReverseConnections.Select(c => (r.TypeName, c.Name))))
            .Concat(catalog.Where(r => r.Parent is not null).Select(r => (r.Parent!, r.ListField)));

    public static TheoryData<string> Catalogs => ["reviewed", "all (committed)", "all (generated now)"];

    private IReadOnlyList<ResourceDescriptor> Catalog(string which) => which switch
    {
        "reviewed" => WaldurCatalog.Reviewed.Resources,
        "all (committed)" => WaldurCatalog.All.Resources,
        _ => AllListsBuilder.Build(fixture.Spec.Document, OverridesReader.ReadFile(fixture.Paths.Overrides), fixture.Resources),
    };

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void No_generated_field_is_named_id_and_waldurs_own_id_is_waldurId(string which)
    {
        var catalog = Catalog(which);
        Assert.Empty(FieldNames(catalog).Where(n => n.Field == "id").Select(n => $"{n.Type}.id"));
        foreach (var r in catalog)
        {
            foreach (var f in r.Fields.Where(f => f.JsonName == "id"))
            {
                Assert.True(f.Name == Naming.WaldurId, $"{r.TypeName}: Waldur's `id` is the field \"{f.Name}\", not \"{Naming.WaldurId}\"");
            }
        }
    }

    [Fact]
    public void Fourteen_types_carry_waldurs_id_as_waldurId_and_read_it_from_the_json_key_id()
    {
        var renamed = WaldurCatalog.All.Resources.Where(r => r.Fields.Any(f => f.Name == Naming.WaldurId)).ToList();
        Assert.Equal(14, renamed.Count);
        Assert.All(renamed, r => Assert.Equal("id", r.Fields.Single(f => f.Name == Naming.WaldurId).JsonName));
        Assert.Equal(11, renamed.Count(r => r.Fields.Single(f => f.Name == Naming.WaldurId).Kind == ValueKind.Int));
        var systemLog = WaldurCatalog.All["SystemLog"];
        Assert.Equal(ValueKind.Int, systemLog.Fields.Single(f => f.JsonName == "id").Kind);
        Assert.Equal(Naming.WaldurId, systemLog.Fields.Single(f => f.JsonName == "id").Name);
    }

    [Fact]
    public void An_override_naming_a_field_id_is_refused()
    {
        var overrides = OverridesReader.Parse("""
            { "resources": { "/api/digitalocean-regions/": { "source": "s",
              "fields": { "name": { "name": "id", "source": "s" } } } } }
            """);
        var e = Assert.Throws<CatalogException>(() => CatalogBuilder.Build(fixture.Spec.Document, overrides));
        Assert.Contains("only the Relay global id is named \"id\"", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id", "waldurId")]
    [InlineData("uuid", "uuid")]
    [InlineData("waldurId", "waldurId")]
    [InlineData("idx", "idx")]
    public void NotRelayId_renames_only_id(string name, string expected) => Assert.Equal(expected, Naming.NotRelayId(name));
}
