using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Waldur.Catalog.Generator;

/// <summary>
/// OpenAPI 3.0's schema keywords as Microsoft.OpenApi 3.x holds them: the reader turns <c>nullable: true</c> into a null
/// type beside the others, drops it where the schema has no <c>type</c> (so the schema's YAML is asked, <see cref="SpecYaml"/>),
/// turns <c>enum: [null]</c> (Waldur's NullEnum) into a null type without the enum, and keeps bounds as text. Public for
/// the emulator's tests, which read the spec with this library too.
/// </summary>
public static class OpenApi30Schema
{
    /// <summary>The single type keyword (<c>string</c>, <c>array</c>, …) without the null a 3.0 <c>nullable</c> adds, or null when untyped.</summary>
    public static string? TypeName(IOpenApiSchema s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return (s.Type & ~JsonSchemaType.Null) switch
        {
            JsonSchemaType.String => "string",
            JsonSchemaType.Integer => "integer",
            JsonSchemaType.Number => "number",
            JsonSchemaType.Boolean => "boolean",
            JsonSchemaType.Array => "array",
            JsonSchemaType.Object => "object",
            _ => null,
        };
    }

    /// <summary>
    /// 3.0's <c>nullable: true</c>: a null type beside the others, or, on a schema without a type (where the reader drops
    /// it), the key in the schema's <paramref name="yaml"/>.
    /// </summary>
    public static bool IsNullable(IOpenApiSchema s, JsonNode? yaml)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.Type?.HasFlag(JsonSchemaType.Null) == true || yaml?["nullable"] is JsonValue value && value.TryGetValue<bool>(out var nullable) && nullable;
    }

    /// <summary><c>enum: [null]</c> as the reader leaves it: a null type and no enum.</summary>
    public static bool IsOnlyNull(IOpenApiSchema s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.Type == JsonSchemaType.Null;
    }

    /// <summary>A bound as the spec wrote it (Microsoft.OpenApi keeps it as text), as a number.</summary>
    public static decimal? Bound(string? value) => value is null ? null : decimal.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
}
