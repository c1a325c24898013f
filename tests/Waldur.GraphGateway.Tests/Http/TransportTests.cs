using System.Net;
using Waldur.GraphGateway.Errors;
using Xunit;

using static Waldur.GraphGateway.Tests.Http.GraphQLClient;

namespace Waldur.GraphGateway.Tests.Http;

/// <summary>The GraphQL-over-HTTP rules: methods, media types, negotiation and status codes.</summary>
public sealed class TransportTests(TransportFixture fixture) : IClassFixture<TransportFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("application/json", "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData(GraphQLResponseJson, GraphQLResponseJson)]
    [InlineData("application/json;q=0.5, application/graphql-response+json", GraphQLResponseJson)]
    [InlineData("text/html, application/graphql-response+json;q=0.9, application/json;q=0.8", GraphQLResponseJson)]
    public async Task Post_answers_in_the_negotiated_media_type(string? accept, string expected)
    {
        var reply = await PostQueryAsync(_client, "{ __typename }", accept);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(expected, reply.MediaType);
        Assert.Equal("Query", reply.Json.GetProperty("data").GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task Accept_that_allows_neither_type_is_406()
    {
        var reply = await PostQueryAsync(_client, "{ __typename }", "application/xml");

        Assert.Equal(HttpStatusCode.NotAcceptable, reply.Status);
        Assert.Equal(ErrorCodes.NotAcceptable, reply.Code);
    }

    [Fact]
    public async Task Get_runs_queries_with_url_encoded_variables()
    {
        var query = Uri.EscapeDataString("query Type($name: String!) { __type(name: $name) { name } }");
        var variables = Uri.EscapeDataString("""{"name":"Query"}""");

        var reply = await GetAsync(_client, $"/graphql?query={query}&variables={variables}", GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("Query", reply.Json.GetProperty("data").GetProperty("__type").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("mutation { __typename }", null)]
    [InlineData("subscription S { __typename } query Q { __typename }", "S")]
    public async Task Get_refuses_other_operations_with_405_and_Allow(string query, string? operationName)
    {
        var url = $"/graphql?query={Uri.EscapeDataString(query)}" + (operationName is null ? "" : $"&operationName={operationName}");

        var reply = await GetAsync(_client, url, GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, reply.Status);
        Assert.Equal("POST", reply.Headers["Allow"]);
        Assert.Equal(ErrorCodes.MethodNotAllowed, reply.Code);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Other_methods_are_405_with_Allow(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/graphql");

        var reply = await SendAsync(_client, request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, reply.Status);
        Assert.Equal("GET, POST", reply.Headers["Allow"]);
        Assert.Equal(ErrorCodes.MethodNotAllowed, reply.Code);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task Post_bodies_other_than_utf8_json_are_415(string contentType)
    {
        var reply = await PostAsync(_client, """{"query":"{ __typename }"}""", contentType: contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, reply.Status);
        Assert.Equal(ErrorCodes.UnsupportedMediaType, reply.Code);
    }

    [Fact]
    public async Task Post_without_content_type_is_415()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent("{\"query\":\"{ __typename }\"}"u8.ToArray()) };

        var reply = await SendAsync(_client, request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, reply.Status);
        Assert.Equal(ErrorCodes.UnsupportedMediaType, reply.Code);
    }

    [Fact]
    public async Task Graphql_response_json_errors_before_execution_are_400_without_data()
    {
        var parse = await PostQueryAsync(_client, "{ __typename", GraphQLResponseJson);
        var validation = await PostQueryAsync(_client, "{ fieldThatDoesNotExist }", GraphQLResponseJson);
        var coercion = await PostAsync(_client, """{"query":"query Q($id: ID!) { __typename }","variables":{"id":null}}""", GraphQLResponseJson);

        Assert.All([parse, validation, coercion], r => Assert.Equal(HttpStatusCode.BadRequest, r.Status));
        Assert.All([parse, validation, coercion], r => Assert.False(r.HasData));
        Assert.Equal(ErrorCodes.SyntaxError, parse.Code);
        Assert.Equal(ErrorCodes.ValidationFailed, validation.Code);
        Assert.Equal(ErrorCodes.ValidationFailed, coercion.Code);
    }

    [Fact]
    public async Task Application_json_errors_before_execution_are_200()
    {
        var parse = await PostQueryAsync(_client, "{ __typename", "application/json");
        var validation = await PostQueryAsync(_client, "{ fieldThatDoesNotExist }", "application/json");

        Assert.Equal(HttpStatusCode.OK, parse.Status);
        Assert.Equal(ErrorCodes.SyntaxError, parse.Code);
        Assert.Equal(HttpStatusCode.OK, validation.Status);
        Assert.Equal(ErrorCodes.ValidationFailed, validation.Code);
    }

    [Theory]
    [InlineData(GraphQLResponseJson, HttpStatusCode.BadRequest)]
    [InlineData("application/json", HttpStatusCode.OK)]
    public async Task Unknown_operation_name_is_OPERATION_NOT_FOUND(string accept, HttpStatusCode status)
    {
        var reply = await PostAsync(_client, """{"query":"query A { __typename }","operationName":"B"}""", accept);

        Assert.Equal(status, reply.Status);
        Assert.Equal(ErrorCodes.OperationNotFound, reply.Code);
    }

    [Fact]
    public async Task Operation_name_selects_among_several_operations()
    {
        var reply = await PostAsync(_client, """{"query":"query A { a: __typename } query B { b: __typename }","operationName":"B"}""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("Query", reply.Json.GetProperty("data").GetProperty("b").GetString());
    }

    [Fact]
    public async Task Null_optional_parameters_are_allowed()
    {
        var reply = await PostAsync(_client, """{"query":"{ __typename }","variables":null,"operationName":null,"extensions":null}""", GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.False(reply.Json.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task Responses_are_utf8_and_say_so()
    {
        var reply = await PostQueryAsync(_client, "{ __typename }");

        Assert.Contains("charset=utf-8", reply.Headers["Content-Type"], StringComparison.OrdinalIgnoreCase);
    }
}
