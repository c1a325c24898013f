using System.Text;
using System.Text.Json.Nodes;
using Microsoft.OpenApi.Models;

namespace Waldur.Emulator.Tests;

/// <summary>
/// Builds <c>src/Waldur.Emulator/Waldur/Schemas/write-operations.json</c> from the vendored 8.0.5 spec: every POST, PUT,
/// PATCH and DELETE operation with its path template, operation id, JSON request-body schema (every key, with its
/// readOnly/writeOnly flag and the schema's <c>required</c>; multipart and form bodies are the same serializer, so only
/// the JSON one is kept), its first documented 2xx status and that response's JSON schema, plus the component schemas
/// those reach. The emulator reads this file instead of the 4 MB YAML. Regenerate with
/// <c>UPDATE_WRITE_OPERATIONS=1 dotnet test --filter WriteOperationsExtract</c>.
/// </summary>
public sealed class WriteOperationsExtract
{
    private static readonly OperationType[] WriteMethods = [OperationType.Post, OperationType.Put, OperationType.Patch, OperationType.Delete];

    public static string ExtractPath => Path.Combine(CoreSchemaExtract.RepoRoot(), "src", "Waldur.Emulator", "Waldur", "Schemas", "write-operations.json");

    /// <summary>Every write operation of the spec (method, path template, operation), in spec order.</summary>
    public static IReadOnlyList<(string Method, string Path, OpenApiOperation Operation)> WriteOperations { get; } =
    [
        .. VendoredSpec.Document.Paths.SelectMany(p => WriteMethods
            .Where(p.Value.Operations.ContainsKey)
            .Select(m => (m.ToString().ToUpperInvariant(), p.Key, p.Value.Operations[m]))),
    ];

    [Fact]
    public void Extract_matches_the_vendored_spec()
    {
        var text = Build();
        if (Environment.GetEnvironmentVariable("UPDATE_WRITE_OPERATIONS") == "1")
        {
            File.WriteAllText(ExtractPath, text);
        }

        Assert.Equal(text, File.ReadAllText(ExtractPath));
    }

    [Fact]
    public void Spec_8_0_5_has_1184_write_operations()
    {
        Assert.Equal(1184, WriteOperations.Count);
        Assert.Equal(745, WriteOperations.Count(w => w.Method == "POST"));
        Assert.Equal(153, WriteOperations.Count(w => w.Method == "DELETE"));
    }

    /// <summary>The first documented 2xx response of an operation, as the emulator answers it.</summary>
    public static (int Status, OpenApiSchema? Schema) Success(OpenApiOperation operation)
    {
        var (code, response) = operation.Responses.Where(r => r.Key.StartsWith('2')).OrderBy(r => r.Key, StringComparer.Ordinal).First();
        return (int.Parse(code, System.Globalization.CultureInfo.InvariantCulture),
            response.Content.TryGetValue("application/json", out var json) ? json.Schema : null);
    }

    /// <summary>The JSON request-body schema, or null when the operation takes no body.</summary>
    public static OpenApiSchema? Body(OpenApiOperation operation) =>
        operation.RequestBody?.Content.TryGetValue("application/json", out var json) == true ? json.Schema : null;

    private static string Build()
    {
        var pending = new Queue<string>();
        var b = new StringBuilder("{\n\"writes\": [\n");
        for (var i = 0; i < WriteOperations.Count; i++)
        {
            var (method, path, operation) = WriteOperations[i];
            var (status, response) = Success(operation);
            var body = Body(operation);
            var entry = new JsonObject
            {
                ["method"] = method,
                ["path"] = path,
                ["op"] = operation.OperationId,
                ["body"] = body is null ? null : ListOperationsExtract.Schema(body, pending, top: false, full: true),
                ["status"] = status,
                ["response"] = response is null ? null : ListOperationsExtract.Schema(response, pending, top: false, full: true),
            };
            b.Append(entry.ToJsonString(ListOperationsExtract.Relaxed)).Append(i < WriteOperations.Count - 1 ? ",\n" : "\n");
        }

        var components = new SortedDictionary<string, string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var name))
        {
            if (!components.ContainsKey(name))
            {
                components[name] = ListOperationsExtract.Schema(VendoredSpec.Schema(name), pending, top: true, full: true).ToJsonString(ListOperationsExtract.Relaxed);
            }
        }

        b.Append("],\n\"schemas\": {\n");
        b.AppendJoin(",\n", components.Select(c => ListOperationsExtract.Json(c.Key) + ": " + c.Value));
        return b.Append("\n}\n}\n").ToString();
    }
}
