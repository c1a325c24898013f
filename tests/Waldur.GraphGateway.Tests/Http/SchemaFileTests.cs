using System.Net;
using System.Text;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Waldur.GraphGateway.Schema;
using Xunit;

using static Waldur.GraphGateway.Tests.Http.GraphQLClient;

namespace Waldur.GraphGateway.Tests.Http;

/// <summary><c>schema.graphql</c> at the repository root is the printed schema, and the SDL endpoints serve it.</summary>
public sealed class SchemaFileTests(TransportFixture fixture) : IClassFixture<TransportFixture>
{
    [Fact]
    public async Task Sdl_endpoints_serve_the_printed_schema()
    {
        var printed = SchemaSdl.Client(fixture.Services.GetRequiredService<ISchema>());

        var query = await GetAsync(fixture.Client, "/graphql?sdl");
        var file = await GetAsync(fixture.Client, "/graphql/schema.graphql");

        Assert.Equal(HttpStatusCode.OK, query.Status);
        Assert.Equal(printed, query.Body);
        Assert.Equal(HttpStatusCode.OK, file.Status);
        Assert.Equal(printed, file.Body);
        Assert.Contains("type Query", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_graphql_at_the_repository_root_is_the_printed_schema() =>
        AssertFileIsPrinted("schema.graphql", SchemaSdl.Client(fixture.Services.GetRequiredService<ISchema>()));

    /// <summary><c>schema.full.graphql</c> is the schema of <c>Catalog:Include=*</c>: every list operation of the spec.</summary>
    [Fact]
    public void Schema_full_graphql_at_the_repository_root_is_the_printed_schema_of_every_list()
    {
        using var factory = GatewayHost.WithoutEmulator(new Dictionary<string, string?> { ["Catalog:Include"] = "*" });
        AssertFileIsPrinted("schema.full.graphql", SchemaSdl.Client(factory.Services.GetRequiredService<ISchema>()));
    }

    private static void AssertFileIsPrinted(string file, string schema)
    {
        var path = Path.Combine(RepositoryRoot.Path, file);
        var printed = Encoding.UTF8.GetBytes(schema);
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1")
        {
            File.WriteAllBytes(path, printed);
        }

        var committed = File.Exists(path) ? File.ReadAllBytes(path) : [];
        Assert.True(printed.AsSpan().SequenceEqual(committed),
            $"{path} differs from the schema the gateway prints. If the schema change is intended, run " +
            $"`UPDATE_SCHEMA=1 dotnet test --filter SchemaFileTests` and review the diff of {file}.");
    }
}
