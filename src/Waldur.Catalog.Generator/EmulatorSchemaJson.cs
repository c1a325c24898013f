using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using static Waldur.Catalog.Generator.OpenApi30Schema;

namespace Waldur.Catalog.Generator;

/// <summary>
/// Schemas in OpenAPI 3.0's own keywords as the emulator's data files hold them: without descriptions, references by
/// component name, <c>nullable</c> rather than a null type.
/// </summary>
internal static class EmulatorSchemaJson
{
    public static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Json<T>(T value) => JsonSerializer.Serialize(value, Relaxed);

    /// <summary>An enum value as OpenAPI 3.0 types it: a string schema's unquoted YAML number (<c>1</c>) is the string "1".</summary>
    private static JsonNode? EnumValue(IOpenApiSchema s, JsonNode? value) =>
        TypeName(s) == "string" && value is JsonValue v && v.GetValueKind() is not JsonValueKind.String and not JsonValueKind.Null
            ? JsonValue.Create(v.ToJsonString())
            : value?.DeepClone();

    /// <summary>
    /// The schema; <paramref name="top"/> writes a component itself rather than a reference to it. For lists write-only
    /// keys are left out (serializers never return them) and there is no <c>required</c> (the emulator writes every key);
    /// <paramref name="full"/> (request bodies and write answers) keeps every key with its readOnly/writeOnly flag and <c>required</c>.
    /// <paramref name="yaml"/> is the schema's node in <see cref="SpecYaml"/>.
    /// </summary>
    public static JsonObject Schema(IOpenApiSchema s, JsonNode? yaml, Queue<string> pending, bool top, bool full = false)
    {
        if (!top && s is OpenApiSchemaReference { Reference.Id: { } id })
        {
            pending.Enqueue(id);
            return new JsonObject { ["$ref"] = id };
        }

        var o = new JsonObject();
        Put(o, "type", TypeName(s));
        Put(o, "format", s.Format);
        // The reader turns `enum: [null]` (Waldur's NullEnum) into a null type without the enum: written back as it was.
        var onlyNull = IsOnlyNull(s);
        if (IsNullable(s, yaml) && !onlyNull)
        {
            o["nullable"] = true;
        }

        if (s.Enum is { Count: > 0 } values)
        {
            o["enum"] = new JsonArray([.. values.Select(v => EnumValue(s, v))]);
        }
        else if (onlyNull)
        {
            o["enum"] = new JsonArray((JsonNode?)null);
        }

        Put(o, "maxLength", s.MaxLength);
        Put(o, "minLength", s.MinLength);
        Put(o, "minimum", Bound(s.Minimum));
        Put(o, "maximum", Bound(s.Maximum));
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
            o["items"] = Schema(s.Items, yaml?["items"], pending, top: false, full);
        }

        var properties = (s.Properties ?? new Dictionary<string, IOpenApiSchema>()).Where(p => full || !p.Value.WriteOnly).ToList();
        if (properties.Count > 0)
        {
            var p = new JsonObject();
            foreach (var (name, value) in properties)
            {
                p[name] = Schema(value, yaml?["properties"]?[name], pending, top: false, full);
            }

            o["properties"] = p;
        }

        if (full && s.Required is { Count: > 0 } required)
        {
            o["required"] = new JsonArray([.. required.Order(StringComparer.Ordinal).Select(r => (JsonNode)JsonValue.Create(r))]);
        }

        Put(o, "allOf", s.AllOf, yaml?["allOf"], pending, full);
        Put(o, "oneOf", s.OneOf, yaml?["oneOf"], pending, full);
        Put(o, "anyOf", s.AnyOf, yaml?["anyOf"], pending, full);
        return o;
    }

    private static void Put<T>(JsonObject o, string key, T? value)
    {
        if (value is not null)
        {
            o[key] = JsonValue.Create(value);
        }
    }

    private static void Put(JsonObject o, string key, IList<IOpenApiSchema>? schemas, JsonNode? yaml, Queue<string> pending, bool full)
    {
        if (schemas is { Count: > 0 })
        {
            o[key] = new JsonArray([.. schemas.Select((s, i) => (JsonNode)Schema(s, yaml?[i], pending, top: false, full))]);
        }
    }
}
