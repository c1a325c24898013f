using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;

namespace Waldur.GraphGateway.Tests.EndToEnd;

/// <summary>
/// What a snapshot records: the GraphQL result and the Waldur requests it caused. Requests of one batch run
/// concurrently and reach the journal in any order, and so do errors of concurrent fields, so both are listed sorted.
/// (Snapshooter writes with Json.NET, so the System.Text.Json result is handed over as a Json.NET token.)
/// </summary>
public static class GraphSnapshot
{
    public static object Of(JsonNode result, IEnumerable<JournalEntry> journal) => new
    {
        result = Result(result),
        waldur = journal.Select(j => j.ToString()).Order(StringComparer.Ordinal).ToList(),
    };

    public static JToken Result(JsonNode result)
    {
        var token = JToken.Parse(result.ToJsonString());
        if (token["errors"] is JArray errors)
        {
            token["errors"] = new JArray(errors.OrderBy(e => e["path"]?.ToString(Newtonsoft.Json.Formatting.None), StringComparer.Ordinal));
        }

        return token;
    }
}
