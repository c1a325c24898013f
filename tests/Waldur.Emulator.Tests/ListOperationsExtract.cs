using System.Text;
using System.Text.Json.Nodes;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

namespace Waldur.Emulator.Tests;

/// <summary>
/// Builds <c>src/Waldur.Emulator/Waldur/Schemas/list-operations.json</c> from the vendored 8.0.5 spec: every GET list
/// operation (a 200 answering a JSON array) with what the emulator needs to serve it generically (operation id, item
/// schema, whether it pages, its detail lookup, its parent list, its <c>o</c> keys and its query parameters) and the
/// component schemas those reach. The emulator reads this file instead of the 4 MB YAML, so it starts fast.
/// Regenerate with <c>UPDATE_LIST_OPERATIONS=1 dotnet test --filter ListOperationsExtract</c>.
/// </summary>
public sealed class ListOperationsExtract
{
    // Nested lists whose path prefix is not itself a list: the list their path parameter names (by the parameter's name).
    private static readonly Dictionary<string, string> ParentByParameter = new(StringComparer.Ordinal)
    {
        ["customer_uuid"] = "/api/customers/",
        ["category_uuid"] = "/api/marketplace-categories/",
        ["resource_uuid"] = "/api/marketplace-resources/",
    };

    // Parameters the list actions handle themselves (paging, ordering, sparse fields, DRF's format).
    private static readonly HashSet<string> Handled = new(StringComparer.Ordinal) { "page", "page_size", "o", "field", "format" };

    internal static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ExtractPath => Path.Combine(CoreSchemaExtract.RepoRoot(), "src", "Waldur.Emulator", "Waldur", "Schemas", "list-operations.json");

    /// <summary>Every list path of the spec with its GET operation, in spec order.</summary>
    public static IReadOnlyList<KeyValuePair<string, OpenApiOperation>> ListOperations { get; } =
    [
        .. VendoredSpec.Document.Paths
            .Where(p => p.Value.Operations.TryGetValue(OperationType.Get, out var get) && IsList(get))
            .Select(p => new KeyValuePair<string, OpenApiOperation>(p.Key, p.Value.Operations[OperationType.Get])),
    ];

    [Fact]
    public void Extract_matches_the_vendored_spec()
    {
        var text = Build();
        if (Environment.GetEnvironmentVariable("UPDATE_LIST_OPERATIONS") == "1")
        {
            File.WriteAllText(ExtractPath, text);
        }

        Assert.Equal(text, File.ReadAllText(ExtractPath));
    }

    [Fact]
    public void Spec_8_0_5_has_377_list_operations_86_of_them_nested()
    {
        Assert.Equal(377, ListOperations.Count);
        Assert.Equal(86, ListOperations.Count(p => p.Key.Contains('{', StringComparison.Ordinal)));
    }

    private static bool IsList(OpenApiOperation get) =>
        get.Responses.TryGetValue("200", out var ok) && ok.Content.TryGetValue("application/json", out var json)
        && json.Schema?.Type == "array";

    private static string Build()
    {
        var listPaths = ListOperations.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var listOfRetrieve = RetrieveTargets(listPaths);
        var pending = new Queue<string>();
        var b = new StringBuilder("{\n\"lists\": {\n");
        for (var i = 0; i < ListOperations.Count; i++)
        {
            var (path, operation) = ListOperations[i];
            var list = List(path, operation, listPaths, listOfRetrieve, pending);
            b.Append(Json(path)).Append(": ").Append(list.ToJsonString(Relaxed)).Append(i < ListOperations.Count - 1 ? ",\n" : "\n");
        }

        var components = new SortedDictionary<string, string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var name))
        {
            if (!components.ContainsKey(name))
            {
                components[name] = Schema(VendoredSpec.Schema(name), pending, top: true).ToJsonString(Relaxed);
            }
        }

        b.Append("},\n\"schemas\": {\n");
        b.AppendJoin(",\n", components.Select(c => Json(c.Key) + ": " + c.Value));
        return b.Append("\n}\n}\n").ToString();
    }

    private static JsonObject List(
        string path, OpenApiOperation operation, HashSet<string> listPaths, Dictionary<string, string> listOfRetrieve, Queue<string> pending)
    {
        var itemSchema = operation.Responses["200"].Content["application/json"].Schema.Items;
        var properties = itemSchema.Properties;
        var parameters = new JsonArray();
        foreach (var parameter in operation.Parameters.Where(p => p.In == ParameterLocation.Query && !Handled.Contains(p.Name)))
        {
            var entry = new JsonObject { ["name"] = parameter.Name, ["schema"] = Schema(parameter.Schema, pending, top: false) };
            if (parameter.Schema.Type == "array" && parameter.Explode == false)
            {
                entry["csv"] = true;
            }

            if (parameter.Extensions.TryGetValue("x-waldur-operation-id", out var target) && target is OpenApiString id
                && listOfRetrieve.TryGetValue(id.Value, out var referenced))
            {
                entry["ref"] = referenced;
            }

            parameters.Add(entry);
        }

        return new JsonObject
        {
            ["op"] = operation.OperationId,
            ["item"] = Schema(itemSchema, pending, top: false),
            ["paged"] = operation.Parameters.Any(p => p.Name == "page"),
            ["detail"] = DetailKey(path, properties),
            ["parent"] = Parent(path, listPaths),
            ["order"] = Order(operation),
            ["field"] = operation.Parameters.Any(p => p.Name == "field"),
            ["params"] = parameters,
        };
    }

    // The lookup property of the detail route `{path}{param}/` when the spec has its GET.
    private static string? DetailKey(string path, IDictionary<string, OpenApiSchema> properties)
    {
        foreach (var (detailPath, item) in VendoredSpec.Document.Paths)
        {
            var rest = detailPath.StartsWith(path, StringComparison.Ordinal) ? detailPath[path.Length..] : "";
            if (rest.Length < 4 || rest[0] != '{' || rest[^2..] != "}/" || rest.IndexOf('/', StringComparison.Ordinal) != rest.Length - 1
                || !item.Operations.TryGetValue(OperationType.Get, out var get) || IsList(get))
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
        var o = operation.Parameters.FirstOrDefault(p => p.Name == "o")?.Schema;
        if (o is null)
        {
            return null;
        }

        var values = (o.Type == "array" ? o.Items : o).Enum.OfType<OpenApiString>().Select(e => e.Value.TrimStart('-')).Distinct().ToList();
        return values.Count == 0 ? JsonValue.Create("free") : new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
    }

    // operation id of a retrieve → the top-level list whose rows it returns.
    private static Dictionary<string, string> RetrieveTargets(HashSet<string> listPaths)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, item) in VendoredSpec.Document.Paths)
        {
            if (!path.EndsWith("{uuid}/", StringComparison.Ordinal) || !item.Operations.TryGetValue(OperationType.Get, out var get))
            {
                continue;
            }

            var list = path[..^"{uuid}/".Length];
            if (listPaths.Contains(list) && !list.Contains('{', StringComparison.Ordinal))
            {
                result[get.OperationId] = list;
            }
        }

        return result;
    }

    // The schema in OpenAPI's own keywords, without descriptions; references by component name. For lists write-only keys
    // are left out (serializers never return them) and there is no `required` (the emulator writes every key); `full`
    // (request bodies, WriteOperationsExtract) keeps every key with its readOnly/writeOnly flag and `required`.
    internal static JsonObject Schema(OpenApiSchema s, Queue<string> pending, bool top, bool full = false)
    {
        if (!top && s.Reference?.Id is { } id)
        {
            pending.Enqueue(id);
            return new JsonObject { ["$ref"] = id };
        }

        var o = new JsonObject();
        Put(o, "type", s.Type);
        Put(o, "format", s.Format);
        if (s.Nullable)
        {
            o["nullable"] = true;
        }

        if (s.Enum.Count > 0)
        {
            o["enum"] = new JsonArray([.. s.Enum.Select(Any)]);
        }

        Put(o, "maxLength", s.MaxLength);
        Put(o, "minLength", s.MinLength);
        Put(o, "minimum", s.Minimum);
        Put(o, "maximum", s.Maximum);
        Put(o, "pattern", s.Pattern);
        if (full && s.ReadOnly)
        {
            o["readOnly"] = true;
        }

        if (full && s.WriteOnly)
        {
            o["writeOnly"] = true;
        }

        if (s.Items is not null)
        {
            o["items"] = Schema(s.Items, pending, top: false, full);
        }

        var properties = s.Properties.Where(p => full || !p.Value.WriteOnly).ToList();
        if (properties.Count > 0)
        {
            var p = new JsonObject();
            foreach (var (name, value) in properties)
            {
                p[name] = Schema(value, pending, top: false, full);
            }

            o["properties"] = p;
        }

        if (full && s.Required.Count > 0)
        {
            o["required"] = new JsonArray([.. s.Required.Order(StringComparer.Ordinal).Select(r => (JsonNode)JsonValue.Create(r))]);
        }

        Put(o, "allOf", s.AllOf, pending, full);
        Put(o, "oneOf", s.OneOf, pending, full);
        Put(o, "anyOf", s.AnyOf, pending, full);
        return o;
    }

    private static void Put<T>(JsonObject o, string key, T? value)
    {
        if (value is not null)
        {
            o[key] = JsonValue.Create(value);
        }
    }

    private static void Put(JsonObject o, string key, IList<OpenApiSchema> schemas, Queue<string> pending, bool full)
    {
        if (schemas.Count > 0)
        {
            o[key] = new JsonArray([.. schemas.Select(s => (JsonNode)Schema(s, pending, top: false, full))]);
        }
    }

    internal static JsonNode? Any(IOpenApiAny value) => value switch
    {
        OpenApiString s => JsonValue.Create(s.Value),
        OpenApiInteger i => JsonValue.Create(i.Value),
        OpenApiLong l => JsonValue.Create(l.Value),
        OpenApiBoolean b => JsonValue.Create(b.Value),
        OpenApiDouble d => JsonValue.Create(d.Value),
        _ => null,
    };

    internal static string Json<T>(T value) => JsonSerializer.Serialize(value, Relaxed);
}
