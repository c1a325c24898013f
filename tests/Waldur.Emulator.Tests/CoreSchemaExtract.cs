using System.Globalization;
using System.Text;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

namespace Waldur.Emulator.Tests;

/// <summary>
/// Builds <c>src/Waldur.Emulator/Waldur/Schemas/core-schemas.json</c> from the vendored 8.0.5 spec: for each of the 15 core
/// lists, its item schema's keys in serializer order (write-only ones left out) with a schema-valid default value for each,
/// and the list's <c>field</c> enum. The emulator writes rows from it (values it does not model get the default).
/// Regenerate with <c>UPDATE_CORE_SCHEMAS=1 dotnet test --filter CoreSchemaExtract</c>.
/// </summary>
public sealed class CoreSchemaExtract
{
    public static readonly string[] Paths =
    [
        "/api/customers/", "/api/projects/", "/api/users/", "/api/marketplace-resources/", "/api/marketplace-orders/",
        "/api/marketplace-public-offerings/", "/api/marketplace-provider-offerings/", "/api/marketplace-categories/",
        "/api/marketplace-service-providers/", "/api/marketplace-plans/", "/api/invoices/", "/api/events/",
        "/api/openstack-instances/", "/api/openstack-tenants/", "/api/openstack-volumes/",
    ];

    public static string ExtractPath => Path.Combine(RepoRoot(), "src", "Waldur.Emulator", "Waldur", "Schemas", "core-schemas.json");

    /// <summary>The item schema of a list path.</summary>
    public static OpenApiSchema ItemSchema(string path) =>
        VendoredSpec.Document.Paths[path].Operations[OperationType.Get].Responses["200"].Content["application/json"].Schema.Items;

    [Fact]
    public void Extract_matches_the_vendored_spec()
    {
        var text = Build();
        if (Environment.GetEnvironmentVariable("UPDATE_CORE_SCHEMAS") == "1")
        {
            File.WriteAllText(ExtractPath, text);
        }

        Assert.Equal(text, File.ReadAllText(ExtractPath));
    }

    private static string Build()
    {
        var b = new StringBuilder();
        b.Append("{\n");
        for (var i = 0; i < Paths.Length; i++)
        {
            var path = Paths[i];
            var operation = VendoredSpec.Document.Paths[path].Operations[OperationType.Get];
            var item = ItemSchema(path);
            var field = operation.Parameters.FirstOrDefault(p => p.Name == "field")?.Schema.Items.Enum.OfType<OpenApiString>().Select(s => s.Value).ToList();
            b.Append("  ").Append(Json(path)).Append(": {\n    \"schema\": ").Append(Json(item.Reference.Id));
            b.Append(",\n    \"field\": ").Append(field is null ? "null" : Json(field));
            b.Append(",\n    \"keys\": [\n");
            var properties = item.Properties.Where(p => !p.Value.WriteOnly).ToList();
            for (var j = 0; j < properties.Count; j++)
            {
                b.Append("      [").Append(Json(properties[j].Key)).Append(", ")
                    .Append(Json(Default(properties[j].Value, 0, properties[j].Key))).Append(j < properties.Count - 1 ? "],\n" : "]\n");
            }

            b.Append("    ]\n  }").Append(i < Paths.Length - 1 ? ",\n" : "\n");
        }

        return b.Append("}\n").ToString();
    }

    // A value valid against the schema: null where allowed, else the first enum value, else a neutral value of the type;
    // an untyped property (a JSONField) its model default, [] or {} (rule J, JsonFieldDefaults), never null.
    // "${base}" stands for the request's scheme and host (U6).
    private static string Default(OpenApiSchema s, int depth, string name)
    {
        if (s.Nullable)
        {
            return "null";
        }

        if (s.OneOf.Count > 0)
        {
            return s.OneOf.Any(o => o.Enum.OfType<OpenApiString>().Any(e => e.Value.Length == 0)) ? "\"\"" : Default(s.OneOf[0], depth, name);
        }

        if (s.AllOf.Count > 0)
        {
            return Default(s.AllOf[0], depth, name);
        }

        if (s.Enum.Count > 0)
        {
            return s.Enum[0] is OpenApiString e ? Json(e.Value) : "null";
        }

        return s.Type switch
        {
            "string" => s.Format switch
            {
                "uri" => "\"${base}/api/\"",
                "uuid" => "\"00000000000000000000000000000000\"",
                "date-time" => "\"2024-01-01T00:00:00Z\"",
                "date" => "\"2024-01-01\"",
                "decimal" => "\"0.00\"",
                "ipv4" => "\"0.0.0.0\"",
                _ => "\"\"",
            },
            "integer" => (s.Minimum is { } min && min > 0 ? min : 0).ToString(CultureInfo.InvariantCulture),
            "number" => "0.0",
            "boolean" => "false",
            "array" => "[]",
            "object" when s.Properties.Count > 0 && depth < 3 =>
                "{" + string.Join(",", s.Properties.Where(p => !p.Value.WriteOnly)
                    .Select(p => Json(p.Key) + ":" + Default(p.Value, depth + 1, p.Key))) + "}",
            "object" => "{}",
            null when s.Properties.Count == 0 && s.Enum.Count == 0 => global::Waldur.Emulator.Waldur.JsonFieldDefaults.Empty(name),
            _ => "null",
        };
    }

    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, Readable);

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Waldur.GraphGateway.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return dir.FullName;
    }
}
