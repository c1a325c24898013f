using System.Text.Json.Nodes;

namespace Waldur.GraphGateway.Tests.Support;

/// <summary>A gateway response as a client sees it: status, body, parsed JSON (null if the body is not JSON) and time taken.</summary>
public sealed record GatewayAnswer(int Status, string? ContentType, string Body, JsonNode? Json, TimeSpan Elapsed)
{
    /// <summary>Every <c>extensions.code</c> in the body's <c>errors</c> (top level, or of each item of a batch).</summary>
    public IReadOnlyList<string> Codes => Json switch
    {
        JsonArray batch => [.. batch.SelectMany(item => CodesOf(item))],
        { } single => CodesOf(single),
        _ => [],
    };

    /// <summary>Code per top-level response field (first path segment), for field-level assertions.</summary>
    public Dictionary<string, string> CodesByField => Json?["errors"] is JsonArray errors
        ? errors.Where(e => e?["path"] is JsonArray { Count: > 0 })
            .GroupBy(e => e!["path"]![0]!.ToString())
            .ToDictionary(g => g.Key, g => g.First()!["extensions"]?["code"]?.ToString() ?? "(none)")
        : [];

    public JsonNode? Data => Json?["data"];

    private static List<string> CodesOf(JsonNode? node) => node?["errors"] is JsonArray errors
        ? [.. errors.Select(e => e?["extensions"]?["code"]?.ToString() ?? "(none)")]
        : [];

    public override string ToString() => $"{Status} in {Elapsed.TotalMilliseconds:0} ms [{string.Join(", ", Codes)}] {(Body.Length > 300 ? Body[..300] + "…" : Body)}";
}
