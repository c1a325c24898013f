using GraphQLParser;
using GraphQLParser.AST;
using Waldur.GraphGateway.Types.Documents;
using Xunit;

namespace Waldur.GraphGateway.Tests.Types.Documents;

/// <summary>
/// Which operations make a list without <c>field=</c> read whole rows: a uuid lookup of the type anywhere (through
/// fragments), Relay's root <c>node</c>/<c>nodes</c> or federation's <c>_entities</c> at the root only, and a list field
/// the operation names more than once.
/// </summary>
public sealed class OperationFactsTests
{
    private static readonly HashSet<string> ImageLookups = new(StringComparer.Ordinal) { "digitalOceanImageByUuid", "image" };

    [Theory]
    [InlineData("{ digitalOceanImages { nodes { name } } }", false)]
    [InlineData("{ digitalOceanImages { nodes { name } } node(id: \"x\") { id } }", true)]
    [InlineData("{ digitalOceanImages { nodes { name } } nodes(ids: [\"x\"]) { id } }", true)]
    [InlineData("{ digitalOceanImages { nodes { name } } _entities(representations: []) { __typename } }", true)]
    // Only the root's own node/nodes/_entities look up any type; a field of that name deeper is some type's own field.
    [InlineData("{ digitalOceanImages { nodes { name node { id } } } }", false)]
    [InlineData("{ digitalOceanImages { nodes { name } } other: digitalOceanImageByUuid(uuid: \"x\") { name } }", true)]
    [InlineData("{ digitalOceanRegions { nodes { images { nodes { image { name } } } } } digitalOceanImages { nodes { name } } }", true)]
    [InlineData("{ digitalOceanImages { nodes { ...F } } } fragment F on DigitalOceanImage { regions { name } ... on DigitalOceanImage { image { name } } }", true)]
    [InlineData("{ digitalOceanImages { nodes { ...Missing } } }", false)]
    public void A_uuid_lookup_of_the_type_or_a_root_node_field_means_whole_rows(string document, bool expected) =>
        Assert.Equal(expected, Facts(document).LooksUpByUuid(ImageLookups));

    [Fact]
    public void Without_lookup_fields_only_the_root_node_fields_count()
    {
        Assert.False(Facts("{ digitalOceanImages { nodes { image { name } } } }").LooksUpByUuid(new HashSet<string>()));
        Assert.True(Facts("{ digitalOceanImages { totalCount } node(id: \"x\") { id } }").LooksUpByUuid(new HashSet<string>()));
    }

    [Theory]
    [InlineData("{ digitalOceanImages { nodes { name } } }", "digitalOceanImages", false)]
    [InlineData("{ a: digitalOceanImages { nodes { name } } b: digitalOceanImages { nodes { uuid } } }", "digitalOceanImages", true)]
    [InlineData("{ digitalOceanRegions { nodes { images { nodes { name } } } } }", "images", false)]
    [InlineData("{ digitalOceanRegions { nodes { a: images { nodes { name } } b: images { totalCount } } } }", "images", true)]
    [InlineData("{ digitalOceanRegions { nodes { ...R } } x: digitalOceanRegions { nodes { ...R } } } fragment R on DigitalOceanRegion { images { nodes { name } } }", "images", true)]
    [InlineData("{ digitalOceanRegions { nodes { ... on DigitalOceanRegion { images { nodes { name } } } images { totalCount } } } }", "images", true)]
    // Directives are not evaluated: what is cached holds for every value of the variables.
    [InlineData("query($x: Boolean!) { digitalOceanRegions { nodes { a: images @skip(if: $x) { nodes { name } } b: images { totalCount } } } }", "images", true)]
    public void A_list_field_named_more_than_once_means_whole_rows(string document, string field, bool expected) =>
        Assert.Equal(expected, Facts(document).Repeats(field));

    /// <summary>The facts of <paramref name="text"/>'s one operation.</summary>
    private static OperationFacts Facts(string text)
    {
        var document = Parser.Parse(text);
        return DocumentFacts.Of(document).Operation(document.Definitions.OfType<GraphQLOperationDefinition>().Single());
    }
}
