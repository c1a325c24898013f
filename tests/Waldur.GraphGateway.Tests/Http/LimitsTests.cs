using System.Diagnostics;
using System.Net;
using System.Text;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Http;
using Xunit;

using static Waldur.GraphGateway.Tests.Http.GraphQLClient;

namespace Waldur.GraphGateway.Tests.Http;

/// <summary>Each limit: on by default, configurable, and answered with its own code and status in bounded time.</summary>
public sealed class LimitsTests
{
    private static GatewayHost Gateway(Dictionary<string, string?> settings, string environment = "Production") =>
        GatewayHost.WithoutEmulator(settings, services => services.AddSingleton<ISchema>(new LimitsTestSchema()), environment);

    [Fact]
    public async Task Body_over_the_limit_is_413_whether_announced_or_chunked()
    {
        using var factory = Gateway(new() { ["GraphQL:MaxRequestBodyBytes"] = "2048" });
        using var client = factory.CreateClient();
        var big = "{\"query\":\"{ __typename }\",\"extensions\":{\"pad\":\"" + new string('x', 4096) + "\"}}";

        var announced = await PostAsync(client, big, GraphQLResponseJson);
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big))),
        };
        chunked.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        chunked.Headers.TransferEncodingChunked = true;
        var streamed = await SendAsync(client, chunked);
        var small = await PostQueryAsync(client, "{ __typename }");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, announced.Status);
        Assert.Equal(ErrorCodes.BodyTooLarge, announced.Code);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.Status);
        Assert.Equal(ErrorCodes.BodyTooLarge, streamed.Code);
        Assert.Equal(HttpStatusCode.OK, small.Status);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(4046)] // 4,096 bytes in all: the body ends exactly on the first buffer's edge
    [InlineData(50_000)]
    public async Task Chunked_body_under_the_limit_is_read_whole_across_buffer_growth(int padding)
    {
        // A body with no announced length starts in a 4 KB pooled buffer: one that outgrows it (and one that ends on its
        // edge) must still arrive whole, its last bytes (the query) included.
        using var factory = Gateway([]);
        using var client = factory.CreateClient();
        var body = "{\"extensions\":{\"pad\":\"" + new string('x', padding) + "\"},\"query\":\"{ __typename }\"}";
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body))),
        };
        chunked.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        chunked.Headers.TransferEncodingChunked = true;

        var response = await SendAsync(client, chunked);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Contains("\"__typename\"", response.Body);
    }

    [Fact]
    public async Task Default_body_limit_is_one_MiB()
    {
        using var factory = Gateway([]);
        using var client = factory.CreateClient();
        string Body(int size) => "{\"query\":\"{ __typename }\",\"extensions\":{\"pad\":\"" + new string('x', size) + "\"}}";

        var under = await PostAsync(client, Body(1024 * 1024 - 100));
        var over = await PostAsync(client, Body(1024 * 1024));

        Assert.Equal(HttpStatusCode.OK, under.Status);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.Status);
    }

    [Theory]
    [InlineData(GraphQLResponseJson, HttpStatusCode.BadRequest)]
    [InlineData("application/json", HttpStatusCode.OK)]
    public async Task Document_longer_than_the_limit_is_refused_before_parsing(string accept, HttpStatusCode status)
    {
        using var factory = Gateway(new() { ["GraphQL:MaxDocumentLength"] = "100" });
        using var client = factory.CreateClient();

        var refused = await PostQueryAsync(client, "{ __typename " + new string(' ', 100) + "}", accept);
        var fine = await PostQueryAsync(client, "{ __typename }", accept);

        Assert.Equal(status, refused.Status);
        Assert.Equal(ErrorCodes.DocumentTooLong, refused.Code);
        Assert.False(refused.HasData);
        Assert.Equal(HttpStatusCode.OK, fine.Status);
    }

    [Fact]
    public async Task Depth_over_the_limit_is_refused_counting_through_fragments()
    {
        using var factory = Gateway(new() { ["GraphQL:MaxDepth"] = "3" });
        using var client = factory.CreateClient();

        var three = await PostQueryAsync(client, "{ items { nodes { value } } }", GraphQLResponseJson);
        var four = await PostQueryAsync(client, "{ items { nodes { children { value } } } }", GraphQLResponseJson);
        var viaFragment = await PostQueryAsync(client, "{ items { ...F } } fragment F on ItemConnection { nodes { children { value } } }", GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, three.Status);
        Assert.Equal(HttpStatusCode.BadRequest, four.Status);
        Assert.Equal(ErrorCodes.MaxDepthExceeded, four.Code);
        Assert.Equal(ErrorCodes.MaxDepthExceeded, viaFragment.Code);
    }

    [Fact]
    public async Task Default_depth_allows_a_full_introspection_query()
    {
        using var factory = Gateway([]);
        using var client = factory.CreateClient();
        var ofType = string.Concat(Enumerable.Repeat("ofType { kind name ", 9)) + new string('}', 9);

        var reply = await PostQueryAsync(client, $"{{ __schema {{ types {{ fields {{ args {{ type {{ kind name {ofType} }} }} }} }} }} }}", GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
    }

    [Fact]
    public async Task Too_many_fields_is_refused_and_a_fragment_bomb_in_bounded_time()
    {
        using var factory = Gateway(new() { ["GraphQL:MaxFields"] = "50" });
        using var client = factory.CreateClient();
        var wide = "{ " + string.Join(" ", Enumerable.Range(0, 51).Select(_ => "__typename")) + " }";
        var bomb = new StringBuilder("query { ...F0 }\n");
        for (int i = 0; i < 40; i++)
        {
            bomb.Append($"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}\n");
        }

        bomb.Append("fragment F40 on Query { __typename }");

        var stopwatch = Stopwatch.StartNew();
        var refusedWide = await PostQueryAsync(client, wide, GraphQLResponseJson);
        var refusedBomb = await PostQueryAsync(client, bomb.ToString(), GraphQLResponseJson);
        stopwatch.Stop();

        Assert.Equal(HttpStatusCode.BadRequest, refusedWide.Status);
        Assert.Equal(ErrorCodes.MaxFieldsExceeded, refusedWide.Code);
        Assert.Equal(HttpStatusCode.BadRequest, refusedBomb.Status);
        Assert.Equal(ErrorCodes.MaxFieldsExceeded, refusedBomb.Code);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), "a fragment bomb must not be expanded");
    }

    [Fact]
    public async Task Too_many_aliases_is_refused()
    {
        using var factory = Gateway(new() { ["GraphQL:MaxAliases"] = "3" });
        using var client = factory.CreateClient();

        var three = await PostQueryAsync(client, "{ a: __typename b: __typename c: __typename }", GraphQLResponseJson);
        var four = await PostQueryAsync(client, "{ a: __typename b: __typename c: __typename d: __typename }", GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, three.Status);
        Assert.Equal(HttpStatusCode.BadRequest, four.Status);
        Assert.Equal(ErrorCodes.MaxAliasesExceeded, four.Code);
    }

    [Theory]
    [InlineData("{ items(first: 2) { nodes { value } } }", true)]      // 1 + 2 + 2
    [InlineData("{ items(last: 2) { nodes { value } } }", true)]
    [InlineData("{ items { nodes { value } } }", false)]                // 1 + 10 + 10: the default page size counts
    [InlineData("{ items(first: 4) { nodes { value } } }", false)]     // 1 + 4 + 4
    [InlineData("{ items(first: 1) { nodes { children(first: 3) { value } } } }", false)]  // 1 + 1 + 1 + 3
    [InlineData("{ items(first: 1) { nodes { tags } } }", false)]       // an unpaged list costs a default page: 1 + 1 + 10
    public async Task Complexity_weights_lists_by_their_page_size(string query, bool allowed)
    {
        using var factory = Gateway(new() { ["GraphQL:MaxComplexity"] = "5" });
        using var client = factory.CreateClient();

        var reply = await PostQueryAsync(client, query, GraphQLResponseJson);

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, reply.Status);
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
            Assert.Equal(ErrorCodes.MaxComplexityExceeded, reply.Code);
        }
    }

    [Fact]
    public async Task Complexity_reads_page_sizes_from_variables()
    {
        using var factory = Gateway(new() { ["GraphQL:MaxComplexity"] = "5" });
        using var client = factory.CreateClient();
        const string query = "query Q($n: Int) { items(first: $n) { nodes { value } } }";

        var small = await PostAsync(client, "{\"query\":\"" + query + "\",\"variables\":{\"n\":2}}", GraphQLResponseJson);
        var large = await PostAsync(client, "{\"query\":\"" + query + "\",\"variables\":{\"n\":50}}", GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, small.Status);
        Assert.Equal(ErrorCodes.MaxComplexityExceeded, large.Code);
    }

    [Theory]
    [InlineData(GraphQLResponseJson)]
    [InlineData("application/json")]
    public async Task Execution_over_the_timeout_is_cut_with_its_code(string accept)
    {
        using var factory = Gateway(new() { ["GraphQL:ExecutionTimeout"] = "00:00:00.300" });
        using var client = factory.CreateClient();

        var stopwatch = Stopwatch.StartNew();
        var reply = await PostQueryAsync(client, "{ slow }", accept);
        stopwatch.Stop();

        Assert.Equal(ErrorCodes.ExecutionTimeout, reply.Code);
        Assert.Equal(accept == GraphQLResponseJson ? HttpStatusCode.GatewayTimeout : HttpStatusCode.OK, reply.Status);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), "the 60 s resolver must be cancelled");
    }

    [Fact]
    public async Task Batches_run_each_request_and_refuse_more_than_the_maximum()
    {
        using var factory = Gateway(new() { ["GraphQL:MaxBatchSize"] = "3" });
        using var client = factory.CreateClient();
        const string item = """{"query":"{ __typename }"}""";

        var batch = await PostAsync(client, $"[{item}, {{\"query\":\"{{ nope }}\"}}, {{}}]", GraphQLResponseJson);
        var tooMany = await PostAsync(client, $"[{item},{item},{item},{item}]", GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, batch.Status);
        Assert.Equal(3, batch.Json.GetArrayLength());
        Assert.Equal("Query", batch.Json[0].GetProperty("data").GetProperty("__typename").GetString());
        Assert.Equal(ErrorCodes.ValidationFailed, batch.Json[1].GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(ErrorCodes.QueryMissing, batch.Json[2].GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.Status);
        Assert.Equal(ErrorCodes.BatchTooLarge, tooMany.Code);
    }

    [Fact]
    public async Task Default_batch_maximum_is_ten()
    {
        using var factory = Gateway([]);
        using var client = factory.CreateClient();
        string Batch(int n) => "[" + string.Join(",", Enumerable.Repeat("""{"query":"{ __typename }"}""", n)) + "]";

        var ten = await PostAsync(client, Batch(10));
        var eleven = await PostAsync(client, Batch(11));

        Assert.Equal(10, ten.Json.GetArrayLength());
        Assert.Equal(ErrorCodes.BatchTooLarge, eleven.Code);
    }

    [Fact]
    public async Task Unhandled_exceptions_are_masked_outside_development()
    {
        using var production = Gateway([]);
        using var development = Gateway([], "Development");

        var masked = await PostQueryAsync(production.CreateClient(), "{ boom }");
        var detailed = await PostQueryAsync(development.CreateClient(), "{ boom }");

        Assert.Equal(ErrorCodes.Internal, masked.Code);
        Assert.Equal(GatewayErrorInfoProvider.MaskedMessage, masked.Message);
        Assert.DoesNotContain("secret", masked.Body, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.Internal, detailed.Code);
        Assert.Contains("secret internals", detailed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Introspection_can_be_turned_off()
    {
        using var factory = Gateway(new() { ["GraphQL:EnableIntrospection"] = "false" });
        using var client = factory.CreateClient();

        var schema = await PostQueryAsync(client, "{ __schema { queryType { name } } }", GraphQLResponseJson);
        var typename = await PostQueryAsync(client, "{ __typename }", GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, schema.Status);
        Assert.Equal(ErrorCodes.IntrospectionDisabled, schema.Code);
        Assert.Equal(HttpStatusCode.OK, typename.Status);
    }
}
