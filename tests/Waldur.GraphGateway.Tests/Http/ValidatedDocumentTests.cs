using System.Net;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Waldur.GraphGateway.Errors;
using Xunit;

using static Waldur.GraphGateway.Tests.Http.GraphQLClient;

namespace Waldur.GraphGateway.Tests.Http;

/// <summary>
/// A cached document skips the document-only validation rules once an operation of it has passed them, and nothing
/// that depends on the request is skipped: variables are still coerced and costed, and other operations of the same
/// text are still validated on their own.
/// </summary>
public sealed class ValidatedDocumentTests
{
    private const string TwoOperations = "query Ok($n: Int) { items(first: $n) { nodes { value } } } query Other { items(first: 1) { nodes { value } } }";

    private static GatewayHost Gateway() =>
        GatewayHost.WithoutEmulator(new Dictionary<string, string?> { ["GraphQL:MaxComplexity"] = "5" }, services => services.AddSingleton<ISchema>(new LimitsTestSchema()));

    private static string Body(string operationName, string variables) =>
        $"{{\"query\":\"{TwoOperations}\",\"operationName\":\"{operationName}\",\"variables\":{variables}}}";

    [Fact]
    public async Task A_validated_operation_still_coerces_and_costs_each_requests_variables()
    {
        using var factory = Gateway();
        using var client = factory.CreateClient();

        var first = await PostAsync(client, Body("Ok", "{\"n\":2}"), GraphQLResponseJson);
        var again = await PostAsync(client, Body("Ok", "{\"n\":1}"), GraphQLResponseJson);
        var wrongType = await PostAsync(client, Body("Ok", "{\"n\":\"two\"}"), GraphQLResponseJson);
        var tooCostly = await PostAsync(client, Body("Ok", "{\"n\":50}"), GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(2, first.Json.GetProperty("data").GetProperty("items").GetProperty("nodes").GetArrayLength());
        Assert.Equal(1, again.Json.GetProperty("data").GetProperty("items").GetProperty("nodes").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.Status);
        Assert.Equal(ErrorCodes.ValidationFailed, wrongType.Code);
        Assert.Equal(ErrorCodes.MaxComplexityExceeded, tooCostly.Code);
    }

    [Fact]
    public async Task A_refused_value_is_refused_each_time_while_a_value_that_passed_keeps_running()
    {
        using var factory = Gateway();
        using var client = factory.CreateClient();

        var passed = await PostAsync(client, Body("Ok", "{\"n\":2}"), GraphQLResponseJson);
        var repeated = await PostAsync(client, Body("Ok", "{\"n\":2}"), GraphQLResponseJson);
        var tooCostly = await PostAsync(client, Body("Ok", "{\"n\":50}"), GraphQLResponseJson);
        var tooCostlyAgain = await PostAsync(client, Body("Ok", "{\"n\":50}"), GraphQLResponseJson);
        var afterRefusal = await PostAsync(client, Body("Ok", "{\"n\":2}"), GraphQLResponseJson);

        Assert.All([passed, repeated, afterRefusal], answer =>
            Assert.Equal(2, answer.Json.GetProperty("data").GetProperty("items").GetProperty("nodes").GetArrayLength()));
        Assert.Equal(ErrorCodes.MaxComplexityExceeded, tooCostly.Code);
        Assert.Equal(ErrorCodes.MaxComplexityExceeded, tooCostlyAgain.Code);
    }

    [Fact]
    public async Task A_document_that_failed_validation_fails_the_same_way_again()
    {
        using var factory = Gateway();
        using var client = factory.CreateClient();
        const string invalid = "{ items(first: 1) { nodes { nope } } }";

        var bad = await PostQueryAsync(client, invalid, GraphQLResponseJson);
        var badAgain = await PostQueryAsync(client, invalid, GraphQLResponseJson);

        Assert.Equal(ErrorCodes.ValidationFailed, bad.Code);
        Assert.Equal(HttpStatusCode.BadRequest, badAgain.Status);
        Assert.Equal(bad.Body, badAgain.Body);
    }

    [Fact]
    public async Task Naming_no_operation_of_a_validated_two_operation_document_is_still_refused()
    {
        using var factory = Gateway();
        using var client = factory.CreateClient();

        var named = await PostAsync(client, Body("Other", "{}"), GraphQLResponseJson);
        var unnamed = await PostAsync(client, $"{{\"query\":\"{TwoOperations}\"}}", GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, named.Status);
        Assert.False(unnamed.HasData && unnamed.Json.GetProperty("data").ValueKind == System.Text.Json.JsonValueKind.Object);
        Assert.NotNull(unnamed.Code);
    }
}
