using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using static Waldur.Catalog.Generator.EmulatorSchemaJson;

namespace Waldur.Catalog.Generator;

/// <summary>
/// <c>src/Waldur.Emulator/Waldur/Schemas/write-operations.json</c>: every POST, PUT, PATCH and DELETE operation with its
/// path template, operation id, JSON request-body schema (every key, with its readOnly/writeOnly flag and the schema's
/// <c>required</c>; multipart and form bodies are the same serializer, so only the JSON one is kept), its first
/// documented 2xx status and that response's JSON schema, plus the component schemas those reach.
/// </summary>
public static class WriteOperationsExtract
{
    public const string FileName = "write-operations.json";

    private static readonly HttpMethod[] WriteMethods = [HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete];

    public static string Build(OpenApiDocument document, JsonNode yaml)
    {
        ArgumentNullException.ThrowIfNull(document);
        var writes = document.Paths.SelectMany(p => WriteMethods
            .Where(m => p.Value.Operations?.ContainsKey(m) == true)
            .Select(m => (m.Method, Path: p.Key, Operation: p.Value.Operations![m]))).ToList();
        var pending = new Queue<string>();
        var b = new StringBuilder("{\n\"writes\": [\n");
        for (var i = 0; i < writes.Count; i++)
        {
            var (method, path, operation) = writes[i];
            var (status, response) = Success(operation);
            var write = SpecYaml.At(yaml, "paths", path, method.ToLowerInvariant());
            var body = operation.RequestBody?.Content?.TryGetValue("application/json", out var json) == true ? json.Schema : null;
            var entry = new JsonObject
            {
                ["method"] = method,
                ["path"] = path,
                ["op"] = operation.OperationId,
                ["body"] = body is null ? null : Schema(body, SpecYaml.At(write!, "requestBody", "content", "application/json", "schema"), pending, top: false, full: true),
                ["status"] = status,
                ["response"] = response is null ? null
                    : Schema(response, SpecYaml.At(write!, "responses", status.ToString(CultureInfo.InvariantCulture), "content", "application/json", "schema"), pending, top: false, full: true),
            };
            b.Append(entry.ToJsonString(Relaxed)).Append(i < writes.Count - 1 ? ",\n" : "\n");
        }

        b.Append("],\n\"schemas\": {\n");
        b.AppendJoin(",\n", ListOperationsExtract.Components(document, yaml, pending, full: true));
        return b.Append("\n}\n}\n").ToString();
    }

    // The first documented 2xx response of an operation, as the emulator answers it.
    private static (int Status, IOpenApiSchema? Schema) Success(OpenApiOperation operation)
    {
        var (code, response) = operation.Responses!.Where(r => r.Key.StartsWith('2')).OrderBy(r => r.Key, StringComparer.Ordinal).First();
        return (int.Parse(code, CultureInfo.InvariantCulture),
            response.Content?.TryGetValue("application/json", out var json) == true ? json.Schema : null);
    }
}
