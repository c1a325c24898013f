using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Waldur.GraphGateway.Hosting;
using Xunit;

namespace Waldur.GraphGateway.Tests.Types;

/// <summary>The printed schema keeps HotChocolate's names and shapes (schema.graphql itself is checked by SchemaFileTests).</summary>
public class SchemaShapeTests
{
    [Fact]
    public void Printed_schema_has_HotChocolate_connection_filter_and_sort_shapes()
    {
        var printed = Print();
        foreach (var expected in new[]
        {
            "where: DigitalOceanImageFilterInput", "order: [DigitalOceanImageSortInput!]", "): DigitalOceanImagesConnection",
            "where: DigitalOceanRegionFilterInput", "): DigitalOceanRegionsConnection",
            "totalCount: Int!", "edges: [DigitalOceanImagesEdge!]", "nodes: [DigitalOceanImage!]", "pageInfo: PageInfo!",
            "input ListFilterInputTypeOfDigitalOceanRegionFilterInput", "enum SortEnumType", "input IntOperationFilterInput",
            "input DateTimeOperationFilterInput", "input BooleanOperationFilterInput", "ngte: DateTime", "startCursor: String",
        })
        {
            Assert.Contains(expected, printed, StringComparison.Ordinal);
        }

        // Wave 1's placeholder field is gone (descriptions may say "mapping").
        Assert.DoesNotMatch(@"(?m)^\s*ping\b", printed);
    }

    private static string Print()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Waldur:BaseUrl"] = "http://127.0.0.1:1/" }).Build();
        var services = new ServiceCollection().AddLogging().AddWaldurApi(configuration).AddWaldurSchema(configuration).BuildServiceProvider();
        return services.GetRequiredService<ISchema>().Print();
    }
}
