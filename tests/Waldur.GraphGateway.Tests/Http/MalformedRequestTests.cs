using System.Net;
using Waldur.GraphGateway.Errors;
using Xunit;

using static Waldur.GraphGateway.Tests.Http.GraphQLClient;

namespace Waldur.GraphGateway.Tests.Http;

/// <summary>Every malformed request gets a GraphQL error body with a stable code and a 4xx, never a 500.</summary>
public sealed class MalformedRequestTests(TransportFixture fixture) : IClassFixture<TransportFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Theory]
    [InlineData("{", ErrorCodes.InvalidJson)]
    [InlineData("{\"query\": }", ErrorCodes.InvalidJson)]
    [InlineData("not json at all", ErrorCodes.InvalidJson)]
    [InlineData("", ErrorCodes.InvalidRequest)]
    [InlineData("42", ErrorCodes.InvalidRequest)]
    [InlineData("\"{ __typename }\"", ErrorCodes.InvalidRequest)]
    [InlineData("[]", ErrorCodes.InvalidRequest)]
    [InlineData("[1, 2]", ErrorCodes.InvalidRequest)]
    [InlineData("{\"query\": {\"obj\": 1}}", ErrorCodes.InvalidRequest)]
    [InlineData("{\"query\": 0}", ErrorCodes.InvalidRequest)]
    [InlineData("{\"query\": false}", ErrorCodes.InvalidRequest)]
    [InlineData("{\"query\": [\"{ __typename }\"]}", ErrorCodes.InvalidRequest)]
    [InlineData("{\"query\": \"{ __typename }\", \"operationName\": 1}", ErrorCodes.InvalidRequest)]
    [InlineData("{\"query\": \"{ __typename }\", \"operationName\": {}}", ErrorCodes.InvalidRequest)]
    [InlineData("{\"query\": \"{ __typename }\", \"variables\": \"{}\"}", ErrorCodes.InvalidRequest)]
    [InlineData("{\"query\": \"{ __typename }\", \"variables\": [1]}", ErrorCodes.InvalidRequest)]
    [InlineData("{\"query\": \"{ __typename }\", \"variables\": 0}", ErrorCodes.InvalidRequest)]
    [InlineData("{\"query\": \"{ __typename }\", \"extensions\": \"x\"}", ErrorCodes.InvalidRequest)]
    [InlineData("{\"query\": \"{ __typename }\", \"extensions\": false}", ErrorCodes.InvalidRequest)]
    [InlineData("{\"query\": \"{ __typename }\", \"extensions\": {\"persistedQuery\": \"abc\"}}", ErrorCodes.InvalidRequest)]
    [InlineData("{}", ErrorCodes.QueryMissing)]
    [InlineData("{\"qeury\": \"{ __typename }\"}", ErrorCodes.QueryMissing)]
    [InlineData("{\"query\": \"\"}", ErrorCodes.QueryMissing)]
    public async Task Malformed_post_is_400_with_its_code(string body, string code)
    {
        foreach (var accept in new[] { GraphQLResponseJson, "application/json" })
        {
            var reply = await PostAsync(_client, body, accept);

            Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
            Assert.Equal(accept, reply.MediaType);
            Assert.Equal(code, reply.Code);
            Assert.False(reply.HasData);
        }
    }

    [Theory]
    [InlineData("/graphql?query=%7B__typename%7D&variables=%7Bnot-json", ErrorCodes.InvalidJson)]
    [InlineData("/graphql?query=%7B__typename%7D&variables=%5B1%5D", ErrorCodes.InvalidRequest)]
    [InlineData("/graphql?query=%7B__typename%7D&extensions=%22x%22", ErrorCodes.InvalidRequest)]
    [InlineData("/graphql?query=%7B__typename%7D&query=%7B__typename%7D", ErrorCodes.InvalidRequest)]
    [InlineData("/graphql", ErrorCodes.QueryMissing)]
    [InlineData("/graphql?operationName=A", ErrorCodes.QueryMissing)]
    public async Task Malformed_get_is_400_with_its_code(string url, string code)
    {
        var reply = await GetAsync(_client, url, GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(code, reply.Code);
    }

    [Theory]
    [InlineData("{\"\xC3\x28\":1}")]
    [InlineData("{\"query\":\"{ \xC3\x28 }\"}")]
    public async Task Invalid_utf8_is_invalid_json(string latin1Body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new ByteArrayContent(System.Text.Encoding.Latin1.GetBytes(latin1Body)),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");

        var reply = await SendAsync(_client, request);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(ErrorCodes.InvalidJson, reply.Code);
    }

    [Fact]
    public async Task Deeply_nested_json_is_refused_not_overflowed()
    {
        var body = new string('[', 5000) + new string(']', 5000);

        var reply = await PostAsync(_client, body);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(ErrorCodes.InvalidJson, reply.Code);
    }
}
