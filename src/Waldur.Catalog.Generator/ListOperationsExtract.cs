using System.Text;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using static Waldur.Catalog.Generator.EmulatorSchemaJson;
using static Waldur.Catalog.Generator.OpenApi30Schema;

namespace Waldur.Catalog.Generator;

/// <summary>
/// <c>src/Waldur.Emulator/Waldur/Schemas/list-operations.json</c>: every GET list operation (a 200 answering a JSON
/// array) with what the emulator needs to serve it generically (operation id, item schema, whether it pages, its detail
/// lookup, its parent list, its <c>o</c> keys and its query parameters) and the component schemas those reach. The
/// emulator reads this file instead of the 4 MB YAML, so it starts fast.
/// </summary>
public static class ListOperationsExtract
{
    public const string FileName = "list-operations.json";

    // Nested lists whose path prefix is not itself a list: the list their path parameter names (by the parameter's name).
    private static readonly Dictionary<string, string> ParentByParameter = new(StringComparer.Ordinal)
    {
        ["customer_uuid"] = "/api/customers/",
        ["category_uuid"] = "/api/marketplace-categories/",
        ["resource_uuid"] = "/api/marketplace-resources/",
    };

    // Parameters the list actions handle themselves (paging, ordering, sparse fields, DRF's format).
    private static readonly HashSet<string> Handled = new(StringComparer.Ordinal) { "page", "page_size", "o", "field", "format" };

    /// <summary>Every list path of the spec with its GET operation, in spec order.</summary>
    public static IReadOnlyList<KeyValuePair<string, OpenApiOperation>> ListOperations(OpenApiDocument document) =>
    [
        .. document.Paths
            .Where(p => p.Value.Operations?.TryGetValue(HttpMethod.Get, out var get) == true && IsList(get!))
            .Select(p => new KeyValuePair<string, OpenApiOperation>(p.Key, p.Value.Operations![HttpMethod.Get])),
    ];

    public static string Build(OpenApiDocument document, JsonNode yaml)
    {
        ArgumentNullException.ThrowIfNull(document);
        var lists = ListOperations(document);
        var listPaths = lists.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var listOfRetrieve = RetrieveTargets(document, listPaths);
        var pending = new Queue<string>();
        var b = new StringBuilder("{\n\"lists\": {\n");
        for (var i = 0; i < lists.Count; i++)
        {
            var (path, operation) = lists[i];
            var list = List(document, yaml, path, operation, listPaths, listOfRetrieve, pending);
            b.Append(Json(path)).Append(": ").Append(list.ToJsonString(Relaxed)).Append(i < lists.Count - 1 ? ",\n" : "\n");
        }

        b.Append("},\n\"schemas\": {\n");
        b.AppendJoin(",\n", Components(document, yaml, pending, full: false));
        return b.Append("\n}\n}\n").ToString();
    }

    /// <summary>The components <paramref name="pending"/> names and those they reach, by name, as <c>"name": schema</c> lines.</summary>
    internal static IEnumerable<string> Components(OpenApiDocument document, JsonNode yaml, Queue<string> pending, bool full)
    {
        var components = new SortedDictionary<string, string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var name))
        {
            if (!components.ContainsKey(name))
            {
                components[name] = Schema(document.Components!.Schemas![name], yaml["components"]?["schemas"]?[name], pending, top: true, full).ToJsonString(Relaxed);
            }
        }

        return components.Select(c => Json(c.Key) + ": " + c.Value);
    }

    private static bool IsList(OpenApiOperation get) =>
        get.Responses?.TryGetValue("200", out var ok) == true && ok.Content?.TryGetValue("application/json", out var json) == true
        && json.Schema is { } schema && TypeName(schema) == "array";

    private static JsonObject List(OpenApiDocument document, JsonNode yaml, string path, OpenApiOperation operation, HashSet<string> listPaths,
        Dictionary<string, string> listOfRetrieve, Queue<string> pending)
    {
        var get = SpecYaml.At(yaml, "paths", path, "get");
        var itemSchema = operation.Responses!["200"].Content!["application/json"].Schema!.Items!;
        var properties = itemSchema.Properties ?? new Dictionary<string, IOpenApiSchema>();
        var operationParameters = operation.Parameters ?? [];
        var parameters = new JsonArray();
        foreach (var (parameter, index) in operationParameters.Select((p, i) => (p, i)).Where(p => p.p.In == ParameterLocation.Query && !Handled.Contains(p.p.Name!)))
        {
            var entry = new JsonObject { ["name"] = parameter.Name, ["schema"] = Schema(parameter.Schema!, get?["parameters"]?[index]?["schema"], pending, top: false) };
            if (TypeName(parameter.Schema!) == "array" && !parameter.Explode)
            {
                entry["csv"] = true;
            }

            if (CatalogBuilder.OperationIdOf(parameter) is { } id && listOfRetrieve.TryGetValue(id, out var referenced))
            {
                entry["ref"] = referenced;
            }

            parameters.Add(entry);
        }

        return new JsonObject
        {
            ["op"] = operation.OperationId,
            ["item"] = Schema(itemSchema, SpecYaml.At(get!, "responses", "200", "content", "application/json", "schema", "items"), pending, top: false),
            ["paged"] = operationParameters.Any(p => p.Name == "page"),
            ["detail"] = DetailKey(document, path, properties),
            ["parent"] = Parent(path, listPaths),
            ["order"] = Order(operation),
            ["field"] = operationParameters.Any(p => p.Name == "field"),
            ["params"] = parameters,
        };
    }

    // The lookup property of the detail route `{path}{param}/` when the spec has its GET.
    private static string? DetailKey(OpenApiDocument document, string path, IDictionary<string, IOpenApiSchema> properties)
    {
        foreach (var (detailPath, item) in document.Paths)
        {
            var rest = detailPath.StartsWith(path, StringComparison.Ordinal) ? detailPath[path.Length..] : "";
            if (rest.Length < 4 || rest[0] != '{' || rest[^2..] != "}/" || rest.IndexOf('/', StringComparison.Ordinal) != rest.Length - 1
                || item.Operations?.TryGetValue(HttpMethod.Get, out var get) != true || IsList(get!))
            {
                continue;
            }

            var param = rest[1..^2];
            return properties.ContainsKey(param) ? param
                : param.EndsWith("uuid", StringComparison.Ordinal) && properties.ContainsKey("uuid") ? "uuid"
                : null;
        }

        return null;
    }

    // A nested list's parent: the list its first path parameter looks a row up in.
    private static string? Parent(string path, HashSet<string> listPaths)
    {
        var brace = path.IndexOf('{', StringComparison.Ordinal);
        if (brace < 0)
        {
            return null;
        }

        var prefix = path[..brace];
        var name = path[(brace + 1)..path.IndexOf('}', brace)];
        return listPaths.Contains(prefix) ? prefix : ParentByParameter.GetValueOrDefault(name);
    }

    // The `o` parameter: null when absent, "free" for DRF's OrderingFilter (a plain string, unknown keys dropped),
    // else django-filter's OrderingFilter keys (the enum without the "-" variants).
    private static JsonNode? Order(OpenApiOperation operation)
    {
        var o = operation.Parameters?.FirstOrDefault(p => p.Name == "o")?.Schema;
        if (o is null)
        {
            return null;
        }

        var values = Strings((TypeName(o) == "array" ? o.Items : o)?.Enum).Select(e => e.TrimStart('-')).Distinct().ToList();
        return values.Count == 0 ? JsonValue.Create("free") : new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
    }

    /// <summary>The string values of an enum (null, numbers and booleans left out).</summary>
    internal static IEnumerable<string> Strings(IList<JsonNode>? values) =>
        (values ?? []).OfType<JsonValue>().Where(v => v.GetValueKind() == System.Text.Json.JsonValueKind.String).Select(v => v.GetValue<string>());

    // operation id of a retrieve → the top-level list whose rows it returns.
    private static Dictionary<string, string> RetrieveTargets(OpenApiDocument document, HashSet<string> listPaths)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, item) in document.Paths)
        {
            if (!path.EndsWith("{uuid}/", StringComparison.Ordinal) || item.Operations?.TryGetValue(HttpMethod.Get, out var get) != true)
            {
                continue;
            }

            var list = path[..^"{uuid}/".Length];
            if (listPaths.Contains(list) && !list.Contains('{', StringComparison.Ordinal))
            {
                result[get!.OperationId!] = list;
            }
        }

        return result;
    }
}
