using System.Text.Json.Nodes;
using Waldur.GraphGateway.Tests.Snapshots;
using Xunit;

namespace Waldur.GraphGateway.Tests.EndToEnd;

/// <summary>
/// One mutation's story for a snapshot: unrecorded picks of the objects to act on, then recorded steps (each write with
/// the Waldur requests it made, and the reads after it). Every write step asserts its outcome: no top-level error, and
/// either the payload's object with no user errors and exactly one write sent, or exactly the user error expected.
/// </summary>
public sealed class WriteStory(GatewayHost gateway, string mutation)
{
    /// <summary>A well-formed uuid no seed object has.</summary>
    public const string UnknownUuid = "0123456789abcdef0123456789abcdef";

    /// <summary>The selection every step asks of the payload's <c>errors</c>.</summary>
    public const string ErrorSelection = "errors { __typename ... on Error { message } ... on ValidationError { path } }";

    public List<(string Title, GraphQLExchange Exchange)> Steps { get; } = [];

    /// <summary>Runs a query to choose what to act on; not part of the snapshot. Returns <c>data</c>.</summary>
    public async Task<JsonNode> PickAsync(string query, object? variables = null, string authorization = GatewayHost.Token)
    {
        var result = await gateway.QueryAsync(query, variables, authorization);
        Assert.Null(result["errors"]);
        return result["data"]!;
    }

    /// <summary>
    /// The <c>id</c> of the first node of <paramref name="connection"/> in <paramref name="query"/>'s answer that
    /// <paramref name="where"/> accepts (all when null).
    /// </summary>
    public async Task<string> PickIdAsync(string query, string connection, string authorization = GatewayHost.Token,
        Func<JsonNode, bool>? where = null)
    {
        var nodes = (await PickAsync(query, authorization: authorization))[connection]!["nodes"]!.AsArray();
        var node = nodes.FirstOrDefault(n => where?.Invoke(n!) ?? true);
        Assert.True(node is not null, $"the seed has no {connection} for: {query}");
        return node!["id"]!.GetValue<string>();
    }

    /// <summary>
    /// Sends the mutation and records it. <paramref name="expect"/> null: it must succeed (no user error, one write sent);
    /// otherwise the payload must hold exactly one user error of that <c>__typename</c> and no object.
    /// </summary>
    public async Task<JsonNode> WriteAsync(string title, string document, object variables, string? expect = null,
        string authorization = GatewayHost.Token)
    {
        await gateway.ClearJournalAsync();
        var result = await gateway.QueryAsync(document, variables, authorization);
        var journal = await gateway.JournalAsync();
        Steps.Add((title, new GraphQLExchange(document, result) { Variables = variables, Waldur = journal }));

        Assert.True(result["errors"] is null, $"{title}: top-level errors {result["errors"]?.ToJsonString()}");
        var payload = result["data"]![mutation]!.AsObject();
        var writes = journal.Count(j => j.Method != "GET" && j.Method != "HEAD");
        if (expect is null)
        {
            Assert.True(payload["errors"] is null, $"{title}: user errors {payload["errors"]?.ToJsonString()}");
            Assert.True(payload.Any(p => p.Key != "errors" && p.Value is not null), $"{title}: the payload holds no object");
            Assert.Equal(1, writes);
        }
        else
        {
            var error = Assert.Single(payload["errors"]!.AsArray())!;
            Assert.Equal(expect, error["__typename"]!.GetValue<string>());
            Assert.All(payload.Where(p => p.Key != "errors"), p => Assert.Null(p.Value));
            Assert.True(writes <= 1, $"{title}: {writes} writes sent");
        }

        return payload;
    }

    /// <summary>Runs a query after the writes and records it with its Waldur requests.</summary>
    public async Task<JsonNode> ReadAsync(string title, string query, object? variables = null, string authorization = GatewayHost.Token)
    {
        await gateway.ClearJournalAsync();
        var result = await gateway.QueryAsync(query, variables, authorization);
        Steps.Add((title, new GraphQLExchange(query, result) { Variables = variables, Waldur = await gateway.JournalAsync(), WaldurOrder = WaldurOrder.Sorted }));
        Assert.Null(result["errors"]);
        return result["data"]!;
    }
}
