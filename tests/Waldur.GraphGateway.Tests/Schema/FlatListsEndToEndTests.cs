using System.Text.Json.Nodes;
using GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Waldur.GraphGateway.Tests.Schema;

/// <summary>
/// The gateway with <c>FlatListExecutionStrategy</c> against the same gateway with GraphQL.NET's own strategy, both
/// in front of one emulator: every list's page of every scalar and enum field, and lists nested in items, answer
/// byte for byte the same, errors included.
/// </summary>
public sealed class FlatListsEndToEndTests
{
    [Fact]
    public async Task Every_list_answers_as_graphql_dotnets_own_strategy_answers()
    {
        await using var flat = await GatewayHost.StartAsync();
        await using var nodes = GatewayHost.WithoutEmulator(
            new Dictionary<string, string?> { ["Waldur:BaseUrl"] = flat.EmulatorUri.AbsoluteUri },
            services => services.AddSingleton<IExecutionStrategySelector>(new DefaultExecutionStrategySelector()));
        var documents = await DocumentsAsync(flat);

        Assert.True(documents.Count >= 10, $"only {documents.Count} lists found");
        foreach (var document in documents)
        {
            var expected = await nodes.PostQueryAsync(document);
            var actual = await flat.PostQueryAsync(document);

            Assert.True(expected.Json?["data"] is JsonObject, $"{document}: {expected.Body}");
            Assert.Equal(expected.Body, actual.Body);
        }
    }

    /// <summary>
    /// One document per connection field of the query type: 20 nodes with <c>__typename</c>, an alias and every scalar
    /// or enum field; plus the benchmark's S1, whose images hold a nested list of regions.
    /// </summary>
    private static async Task<List<string>> DocumentsAsync(GatewayHost gateway)
    {
        var schema = (await gateway.QueryAsync("""
            { __schema { queryType { fields { name type { name kind } } }
              types { name fields { name args { name } type { kind name ofType { kind name ofType { kind name } } } } } } }
            """))["data"]!["__schema"]!;
        var types = schema["types"]!.AsArray().ToDictionary(t => (string)t!["name"]!, t => t!["fields"] as JsonArray);
        var documents = new List<string>
        {
            "{ digitalOceanImages(first: 20) { nodes { uuid name distribution regions { name r: __typename } } } }",
        };
        foreach (var field in schema["queryType"]!["fields"]!.AsArray())
        {
            var typeName = (string?)field!["type"]!["name"];
            if (typeName is null || !typeName.EndsWith("Connection", StringComparison.Ordinal)
                || types.GetValueOrDefault(typeName)?.FirstOrDefault(f => (string?)f!["name"] == "nodes") is not { } nodesField
                || types.GetValueOrDefault(Named(nodesField["type"]!)) is not { } itemFields)
            {
                continue;
            }

            var scalars = itemFields.Where(f => f!["args"]!.AsArray().Count == 0 && IsScalar(f["type"]!)).Select(f => (string)f!["name"]!);
            documents.Add($"{{ {field["name"]}(first: 20) {{ nodes {{ __typename first: id {string.Join(' ', scalars)} }} }} }}");
        }

        return documents;
    }

    private static string Named(JsonNode type) => (string?)type["name"] ?? Named(type["ofType"]!);

    private static bool IsScalar(JsonNode type) => (string?)type["kind"] switch
    {
        "NON_NULL" => IsScalar(type["ofType"]!),
        "SCALAR" or "ENUM" => true,
        _ => false,
    };
}
