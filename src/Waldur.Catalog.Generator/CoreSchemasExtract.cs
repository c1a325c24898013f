using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Waldur.Emulator.Waldur;
using static Waldur.Catalog.Generator.EmulatorSchemaJson;
using static Waldur.Catalog.Generator.OpenApi30Schema;

namespace Waldur.Catalog.Generator;

/// <summary>
/// <c>src/Waldur.Emulator/Waldur/Schemas/core-schemas.json</c>: for each of the 15 core lists, its item schema's keys in
/// serializer order (write-only ones left out) with a schema-valid default value for each, and the list's <c>field</c>
/// enum. The emulator writes rows from it (values it does not model get the default).
/// </summary>
public static class CoreSchemasExtract
{
    public const string FileName = "core-schemas.json";

    public static readonly string[] Paths =
    [
        "/api/customers/", "/api/projects/", "/api/users/", "/api/marketplace-resources/", "/api/marketplace-orders/",
        "/api/marketplace-public-offerings/", "/api/marketplace-provider-offerings/", "/api/marketplace-categories/",
        "/api/marketplace-service-providers/", "/api/marketplace-plans/", "/api/invoices/", "/api/events/",
        "/api/openstack-instances/", "/api/openstack-tenants/", "/api/openstack-volumes/",
    ];

    public static string Build(OpenApiDocument document, JsonNode yaml)
    {
        ArgumentNullException.ThrowIfNull(document);
        var b = new StringBuilder();
        b.Append("{\n");
        for (var i = 0; i < Paths.Length; i++)
        {
            var path = Paths[i];
            var operation = document.Paths[path].Operations![HttpMethod.Get];
            var item = (OpenApiSchemaReference)operation.Responses!["200"].Content!["application/json"].Schema!.Items!;
            var fieldItems = operation.Parameters?.FirstOrDefault(p => p.Name == "field")?.Schema?.Items;
            var field = fieldItems is null ? null : ListOperationsExtract.Strings(fieldItems.Enum).ToList();
            b.Append("  ").Append(Json(path)).Append(": {\n    \"schema\": ").Append(Json(item.Reference.Id));
            b.Append(",\n    \"field\": ").Append(field is null ? "null" : Json(field));
            b.Append(",\n    \"keys\": [\n");
            var itemYaml = yaml["components"]?["schemas"]?[item.Reference.Id!];
            var properties = (item.Properties ?? new Dictionary<string, IOpenApiSchema>()).Where(p => !p.Value.WriteOnly).ToList();
            for (var j = 0; j < properties.Count; j++)
            {
                b.Append("      [").Append(Json(properties[j].Key)).Append(", ")
                    .Append(Json(Default(yaml, properties[j].Value, itemYaml?["properties"]?[properties[j].Key], 0, properties[j].Key))).Append(j < properties.Count - 1 ? "],\n" : "]\n");
            }

            b.Append("    ]\n  }").Append(i < Paths.Length - 1 ? ",\n" : "\n");
        }

        return b.Append("}\n").ToString();
    }

    // A value valid against the schema: null where allowed, else the first enum value, else a neutral value of the type;
    // an untyped property (a JSONField) its model default, [] or {} (rule J, JsonFieldDefaults), never null.
    // "${base}" stands for the request's scheme and host (U6).
    private static string Default(JsonNode root, IOpenApiSchema s, JsonNode? yaml, int depth, string name)
    {
        yaml = SpecYaml.Resolve(root, yaml);
        if (IsNullable(s, yaml))
        {
            return "null";
        }

        if (s.OneOf is { Count: > 0 } oneOf)
        {
            return oneOf.Any(o => ListOperationsExtract.Strings(o.Enum).Any(e => e.Length == 0)) ? "\"\"" : Default(root, oneOf[0], yaml?["oneOf"]?[0], depth, name);
        }

        if (s.AllOf is { Count: > 0 } allOf)
        {
            return Default(root, allOf[0], yaml?["allOf"]?[0], depth, name);
        }

        if (s.Enum is { Count: > 0 } values)
        {
            return values[0] is JsonValue first && first.GetValueKind() == System.Text.Json.JsonValueKind.String ? Json(first.GetValue<string>()) : "null";
        }

        var properties = s.Properties ?? new Dictionary<string, IOpenApiSchema>();
        return TypeName(s) switch
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
            "integer" => (Bound(s.Minimum) is { } min && min > 0 ? min : 0).ToString(CultureInfo.InvariantCulture),
            "number" => "0.0",
            "boolean" => "false",
            "array" => "[]",
            "object" when properties.Count > 0 && depth < 3 =>
                "{" + string.Join(",", properties.Where(p => !p.Value.WriteOnly)
                    .Select(p => Json(p.Key) + ":" + Default(root, p.Value, yaml?["properties"]?[p.Key], depth + 1, p.Key))) + "}",
            "object" => "{}",
            null when properties.Count == 0 => JsonFieldDefaults.Empty(name),
            _ => "null",
        };
    }
}
