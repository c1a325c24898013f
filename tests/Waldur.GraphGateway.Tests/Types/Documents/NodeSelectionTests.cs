using GraphQLParser;
using GraphQLParser.AST;
using Waldur.GraphGateway.Types.Documents;
using Xunit;

namespace Waldur.GraphGateway.Tests.Types.Documents;

/// <summary>
/// The item fields under a connection's <c>nodes</c> or <c>edges { node }</c>: through fragments and inline fragments,
/// by field name (not alias), sub-fields one level down as <c>field.sub</c>, a nested field with arguments whole.
/// </summary>
public sealed class NodeSelectionTests
{
    [Theory]
    [InlineData("{ images { nodes { name uuid } } }", "name uuid")]
    [InlineData("{ images { nodes { label: name other: uuid } } }", "name uuid")]
    [InlineData("{ images { nodes { ...F } } } fragment F on Image { name ...G } fragment G on Image { uuid }", "name uuid")]
    [InlineData("{ images { nodes { ... on Image { name } ... { uuid } } } }", "name uuid")]
    [InlineData("{ images { nodes { regions { name } } } }", "regions regions.name")]
    [InlineData("{ images { nodes { regions { name ...R } } } } fragment R on Region { uuid }", "regions regions.name regions.uuid")]
    // Only one level down: a nested row reads its own sub-fields; deeper ones are not the list's.
    [InlineData("{ images { nodes { regions { zone { name } } } } }", "regions regions.zone")]
    [InlineData("{ images { nodes { regions(order: [{ name: DESC }]) { uuid } } } }", "regions regions.*")]
    [InlineData("{ images { nodes { ...Missing } } }", "")]
    // Directives are not evaluated: the answer holds for every value of the variables.
    [InlineData("query($x: Boolean!) { images { nodes { name @include(if: $x) uuid @skip(if: $x) } } }", "name uuid")]
    public void Nodes_name_the_item_fields_they_select(string document, string expected) =>
        Assert.Equal(Names(expected), Selection(document, "nodes").Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("{ images { edges { cursor node { name } } } }", "name")]
    [InlineData("{ images { edges { ...E } } } fragment E on Edge { n: node { ... on Image { uuid } } }", "uuid")]
    // A connection nested in a row is a field like any other at the outer node's level.
    [InlineData("{ images { edges { node { name owners { nodes { email } } } } } }", "name owners owners.nodes")]
    public void Edges_name_the_item_fields_under_node(string document, string expected) =>
        Assert.Equal(Names(expected), Selection(document, "edges").Order(StringComparer.Ordinal));

    private static IReadOnlySet<string> Selection(string text, string field)
    {
        var document = Parser.Parse(text);
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single();
        var images = (GraphQLField)operation.SelectionSet.Selections.Single();
        var items = images.SelectionSet!.Selections.OfType<GraphQLField>().Single(f => f.Name.StringValue == field);
        return DocumentFacts.Of(document).NodeSelectionOf(items);
    }

    private static IEnumerable<string> Names(string spaced) =>
        spaced.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
}
