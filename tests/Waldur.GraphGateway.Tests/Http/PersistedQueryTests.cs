using System.Net;
using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Http;
using Xunit;

using static Waldur.GraphGateway.Tests.Http.GraphQLClient;

namespace Waldur.GraphGateway.Tests.Http;

/// <summary>Automatic persisted queries as Apollo clients send them.</summary>
public sealed class PersistedQueryTests(TransportFixture fixture) : IClassFixture<TransportFixture>
{
    private readonly HttpClient _client = fixture.Client;

    private static string Extensions(string hash) => $"{{\"persistedQuery\":{{\"version\":1,\"sha256Hash\":\"{hash}\"}}}}";

    [Fact]
    public async Task Unknown_hash_asks_for_the_text_then_the_hash_alone_runs_over_post_and_get()
    {
        // A unique document per run, so the shared store cannot already hold it.
        var query = $"query Q{Guid.NewGuid():N} {{ __typename }}";
        var hash = PersistedQueryStore.Hash(query);

        var first = await PostAsync(_client, $"{{\"extensions\":{Extensions(hash)}}}");
        var register = await PostAsync(_client, $"{{\"query\":\"{query}\",\"extensions\":{Extensions(hash)}}}");
        var byHash = await PostAsync(_client, $"{{\"extensions\":{Extensions(hash)}}}", GraphQLResponseJson);
        var byGet = await GetAsync(_client, $"/graphql?extensions={Uri.EscapeDataString(Extensions(hash.ToUpperInvariant()))}", GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(ErrorCodes.PersistedQueryNotFound, first.Code);
        Assert.Equal("PersistedQueryNotFound", first.Message);
        Assert.Equal(HttpStatusCode.OK, register.Status);
        Assert.Equal("Query", byHash.Json.GetProperty("data").GetProperty("__typename").GetString());
        Assert.Equal("Query", byGet.Json.GetProperty("data").GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task A_mutation_registers_and_runs_by_hash_over_post_and_is_refused_over_get()
    {
        // No Waldur and no token here: the resolver's refusal to write without credentials is what shows the mutation
        // ran; a GET may not carry it even by hash (GraphQL over HTTP: mutations over POST only).
        var query = $"mutation M{Guid.NewGuid():N} {{ deleteProject(input: {{ id: \\\"0123456789abcdef0123456789abcdef\\\" }}) {{ deletedId }} }}";
        var hash = PersistedQueryStore.Hash(query.Replace("\\\"", "\"", StringComparison.Ordinal));

        var register = await PostAsync(_client, $"{{\"query\":\"{query}\",\"extensions\":{Extensions(hash)}}}");
        var byHash = await PostAsync(_client, $"{{\"extensions\":{Extensions(hash)}}}");
        var byGet = await GetAsync(_client, $"/graphql?extensions={Uri.EscapeDataString(Extensions(hash))}", GraphQLResponseJson);

        Assert.Equal(ErrorCodes.NotAuthenticated, register.Code);
        Assert.Equal(ErrorCodes.NotAuthenticated, byHash.Code);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, byGet.Status);
        Assert.Equal(ErrorCodes.MethodNotAllowed, byGet.Code);
    }

    [Fact]
    public async Task Not_found_is_400_under_graphql_response_json()
    {
        var reply = await PostAsync(_client, $"{{\"extensions\":{Extensions(new string('a', 64))}}}", GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(ErrorCodes.PersistedQueryNotFound, reply.Code);
    }

    [Fact]
    public async Task A_hash_that_does_not_match_the_text_is_refused_and_not_stored()
    {
        var query = $"query Q{Guid.NewGuid():N} {{ __typename }}";
        var otherHash = PersistedQueryStore.Hash(query + " ");

        var mismatch = await PostAsync(_client, $"{{\"query\":\"{query}\",\"extensions\":{Extensions(otherHash)}}}", GraphQLResponseJson);
        var lookup = await PostAsync(_client, $"{{\"extensions\":{Extensions(otherHash)}}}", GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, mismatch.Status);
        Assert.Equal(ErrorCodes.PersistedQueryHashMismatch, mismatch.Code);
        Assert.Equal(ErrorCodes.PersistedQueryNotFound, lookup.Code);
    }

    [Fact]
    public void Hash_is_lowercase_hex_sha256_of_utf8()
    {
        // The SHA-256 of "abc" from FIPS 180-2, appendix B.1.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", PersistedQueryStore.Hash("abc"));
    }

    [Fact]
    public void The_store_is_bounded()
    {
        using var store = new PersistedQueryStore(Options.Create(new GraphQLHttpOptions { PersistedQueryCacheSize = 5 }));
        var queries = Enumerable.Range(0, 50).Select(i => $"{{ a{i}: __typename }}").ToList();

        foreach (var q in queries)
        {
            store.Add(PersistedQueryStore.Hash(q), q);
        }

        int kept = queries.Count(q => store.TryGet(PersistedQueryStore.Hash(q), out _));
        Assert.InRange(kept, 1, 5);
    }
}
