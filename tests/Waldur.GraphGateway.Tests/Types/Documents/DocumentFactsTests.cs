using GraphQL;
using GraphQL.Types;
using GraphQLParser;
using Waldur.GraphGateway.Tests.Loading;
using Waldur.GraphGateway.Types.Documents;
using Xunit;

namespace Waldur.GraphGateway.Tests.Types.Documents;

/// <summary>
/// The projection a connection reads, decided once per document and read by every execution of it; the
/// <c>nodes</c>/<c>edges</c> fields <c>@include</c>/<c>@skip</c> leave in still follow the request's variables.
/// </summary>
public sealed class DocumentFactsTests
{
    private static readonly IReadOnlySet<string> NoLookups = new HashSet<string>(StringComparer.Ordinal);

    [Fact]
    public async Task Two_executions_of_one_document_share_its_facts_and_projection()
    {
        var document = Parser.Parse("{ images { nodes { name regions { name } } } }");
        var first = await ProjectionsAsync(document);
        var second = await ProjectionsAsync(document);

        Assert.Equal(["name", "regions", "regions.name", "uuid"], first.Single()!.Order(StringComparer.Ordinal));
        Assert.Same(first.Single(), second.Single());
        Assert.Same(DocumentFacts.Of(document), DocumentFacts.Of(document));
        Assert.NotSame(DocumentFacts.Of(document), DocumentFacts.Of(Parser.Parse("{ images { nodes { name regions { name } } } }")));
    }

    [Theory]
    [InlineData(true, "name uuid")]
    [InlineData(false, "uuid")]
    public async Task Included_and_skipped_item_fields_follow_the_variables(bool withNodes, string expected)
    {
        var document = Parser.Parse("query($with: Boolean!) { images { nodes @include(if: $with) { name } edges { node { uuid } } } }");
        var projected = await ProjectionsAsync(document, new Dictionary<string, object?> { ["with"] = withNodes });
        var again = await ProjectionsAsync(document, new Dictionary<string, object?> { ["with"] = !withNodes });

        Assert.Equal(expected.Split(' '), projected.Single()!.Order(StringComparer.Ordinal));
        Assert.NotEqual(projected.Single()!.Order(StringComparer.Ordinal), again.Single()!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_connection_named_twice_or_beside_a_root_node_lookup_reads_whole_rows()
    {
        Assert.All(await ProjectionsAsync(Parser.Parse("{ a: images { nodes { name } } b: images { nodes { uuid } } }")), Assert.Null);
        Assert.Null((await ProjectionsAsync(Parser.Parse("{ images { nodes { name } } node { name } }"))).Single());
    }

    /// <summary>The projection of each <c>images</c> connection in one execution of <paramref name="document"/>, in order.</summary>
    private static async Task<List<IReadOnlyCollection<string>?>> ProjectionsAsync(GraphQLParser.AST.GraphQLDocument document,
        Dictionary<string, object?>? variables = null)
    {
        var projections = new List<IReadOnlyCollection<string>?>();
        var result = await new DocumentExecuter().ExecuteAsync(new ExecutionOptions
        {
            Schema = ImageSchema(projections),
            Document = document,
            Variables = variables is null ? null : new Inputs(variables),
        });
        Assert.Null(result.Errors);
        return projections;
    }

    /// <summary>An image connection shaped like the gateway's, its resolver recording the projection it would send.</summary>
    private static GraphQL.Types.Schema ImageSchema(List<IReadOnlyCollection<string>?> projections)
    {
        var region = new ObjectGraphType { Name = "Region" };
        region.Field<StringGraphType>("name");
        var image = new ObjectGraphType { Name = "Image" };
        image.Field<StringGraphType>("name");
        image.Field<StringGraphType>("uuid");
        image.Field("regions", new ListGraphType(region));
        var edge = new ObjectGraphType { Name = "ImageEdge" };
        edge.Field("node", image);
        var connection = new ObjectGraphType { Name = "ImageConnection" };
        connection.Field("nodes", new ListGraphType(image));
        connection.Field("edges", new ListGraphType(edge));
        var query = new ObjectGraphType { Name = "Query" };
        query.Field("images", connection).Resolve(c =>
        {
            lock (projections)
            {
                projections.Add(DocumentFacts.Of(c.Document).Projection(c, TestCatalog.Images, NoLookups));
            }

            return null;
        });
        query.Field("node", image);
        return new GraphQL.Types.Schema { Query = query };
    }
}
