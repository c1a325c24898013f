using System.Text.Json;
using System.Text.Json.Nodes;

namespace Waldur.GraphGateway.Http;

/// <summary>
/// Banana Cake Pop's <c>bcp-config.json</c>: every new document posts to the page's own URL, titled for the gateway,
/// without telemetry. With the embedded emulator (and only then) new documents also carry the demo user's
/// <c>Authorization</c> header and a first query, so Run answers at once; against a real Waldur the IDE starts empty and
/// the caller brings their own token.
/// </summary>
internal sealed class IdePreset(string? authorization, string? document)
{
    /// <summary>A first query a frontend developer would write: a dashboard of projects, their resources and what those refer to.</summary>
    public const string DemoDocument = """
        # Send with Run: the embedded emulator answers as its demo user (Authorization: Token demo-token).
        query Demo {
          projects(first: 10) {
            nodes {
              name
              customer { name }
              marketplaceResources(first: 5) {
                totalCount
                nodes { name state offering { name } marketplaceOrders(first: 1) { nodes { state } } }
              }
            }
          }
        }
        """;

    public static IdePreset None { get; } = new(null, null);

    public static IdePreset ForDemo(string authorization) => new(authorization, DemoDocument);

    public string Json()
    {
        var config = new JsonObject { ["useBrowserUrlAsEndpoint"] = true, ["title"] = "Waldur GraphGateway", ["disableTelemetry"] = true };
        if (authorization is not null)
        {
            config["httpHeaders"] = new JsonObject { ["Authorization"] = authorization };
        }

        if (document is not null)
        {
            config["graphQLDocument"] = document;
        }

        return config.ToJsonString(JsonOptions);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
