using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Waldur.GraphGateway.Tests.Reliability;

/// <summary>
/// One hostile or broken request from <c>Corpus/*.json</c> and what the gateway must answer. The request is
/// <see cref="Raw"/> (the body, verbatim), <see cref="RawBase64"/> (bytes that need not be UTF-8), <see cref="Get"/>
/// (query-string parameters), <see cref="Batch"/> (a JSON array of requests), or else one JSON request object made of
/// <see cref="Query"/>, <see cref="Variables"/>, <see cref="OperationName"/> and <see cref="Extensions"/>.
/// Every text may hold <c>[[repeat:N]]…[[/repeat]]</c> (innermost first; <c>[[i]]</c> is the repetition's index), so
/// megabyte cases stay one line in the data file.
/// </summary>
public sealed class CorpusCase
{
    public string Name { get; set; } = "";

    public string Method { get; set; } = "POST";

    /// <summary>Absent: <c>application/json</c> for POST. <c>""</c>: no Content-Type at all.</summary>
    public string? ContentType { get; set; }

    public string Accept { get; set; } = "application/graphql-response+json";

    public string? Raw { get; set; }

    public string? RawBase64 { get; set; }

    public Dictionary<string, string>? Get { get; set; }

    public JsonArray? Batch { get; set; }

    public string? Query { get; set; }

    public JsonNode? Variables { get; set; }

    public string? OperationName { get; set; }

    public JsonNode? Extensions { get; set; }

    public Dictionary<string, string>? Headers { get; set; }

    public CorpusExpectation Expect { get; set; } = new();

    [JsonIgnore]
    public string File { get; set; } = "";

    public override string ToString() => $"{Path.GetFileNameWithoutExtension(File)}: {Name}";
}

/// <summary>The answer a case must get: an HTTP status and one <c>extensions.code</c> (null: no errors at all).</summary>
public sealed class CorpusExpectation
{
    public int Status { get; set; }

    public string? Code { get; set; }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };
}
