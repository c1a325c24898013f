using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using static Waldur.Catalog.Generator.OpenApi30Schema;

namespace Waldur.Emulator.Tests;

/// <summary>Checks a JSON value against an OpenAPI 3.0 schema: type, format (uuid, uri, date-time), nullability,
/// required and documented properties, enum, maxLength, minimum/maximum, array items. Read from Microsoft.OpenApi 3.x's
/// model in 3.0's terms: one type beside <c>nullable</c> (<see cref="SpecDocuments.IsNullable"/>), and <c>enum: [null]</c>
/// an enum (whose one value is null).</summary>
public static partial class SchemaValidator
{
    /// <summary>
    /// Read-only keys whose serializer source passes a nullable relation (<c>ReadOnlyField(source="offering.parent.uuid")</c>):
    /// DRF's get_attribute answers None when a step is None, which drf-spectacular cannot see, so the spec calls them
    /// non-null. Null is what Waldur sends for an offering without a parent.
    /// </summary>
    private static readonly HashSet<string> ThroughNullableRelation = new(StringComparer.Ordinal)
    {
        "parent_offering_uuid", "parent_offering_name", "parent_offering_slug",
    };

    public static List<string> Validate(JsonElement value, IOpenApiSchema schema, string path = "$")
    {
        var errors = new List<string>();
        Check(value, schema, path, errors);
        return errors;
    }

    private static void Check(JsonElement value, IOpenApiSchema schema, string path, List<string> errors)
    {
        var type = TypeName(schema);
        if (type is null && Count(schema.AllOf) == 0 && Count(schema.Properties) == 0 && !HasEnum(schema)
            && Count(schema.OneOf) == 0)
        {
            // {}: any value (a JSONField), but null only where the spec says nullable (model null=True; rule J): Waldur
            // creates every other JSONField with its default, {} or [].
            if (value.ValueKind == JsonValueKind.Null && !SpecDocuments.IsNullable(schema))
            {
                errors.Add($"{path}: null but not nullable (a JSONField holds {{}} or [])");
            }

            return;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!SpecDocuments.IsNullable(schema) && !(schema.ReadOnly && ThroughNullableRelation.Contains(path[(path.LastIndexOf('.') + 1)..])))
            {
                errors.Add($"{path}: null but not nullable");
            }

            return;
        }

        if (type is null && schema.OneOf is { Count: > 0 })
        {
            // oneOf (drf-spectacular's enum | BlankEnum | NullEnum): some branch must accept the value.
            if (!schema.OneOf.Any(branch => Validate(value, branch, path).Count == 0))
            {
                errors.Add($"{path}: {value} matches no oneOf branch");
            }

            return;
        }

        if (type is null && HasEnum(schema))
        {
            // An untyped enum (drf-spectacular's BlankEnum, NullEnum).
            if (value.ValueKind != JsonValueKind.String || !EnumValues(schema).Contains(value.GetString()!))
            {
                errors.Add($"{path}: {value} not in enum");
            }

            return;
        }

        if (type is null && schema.AllOf is { Count: > 0 })
        {
            foreach (var part in schema.AllOf)
            {
                Check(value, part, path, errors);
            }

            return;
        }

        switch (type)
        {
            case "object":
                if (value.ValueKind != JsonValueKind.Object)
                {
                    errors.Add($"{path}: expected object, got {value.ValueKind}");
                    return;
                }

                foreach (var required in (schema.Required ?? new HashSet<string>()).Where(r => !value.TryGetProperty(r, out _)))
                {
                    errors.Add($"{path}: missing required '{required}'");
                }

                foreach (var property in value.EnumerateObject())
                {
                    if (schema.Properties?.TryGetValue(property.Name, out var propertySchema) == true)
                    {
                        Check(property.Value, propertySchema, $"{path}.{property.Name}", errors);
                    }
                    else
                    {
                        errors.Add($"{path}: undocumented property '{property.Name}'");
                    }
                }

                break;
            case "array":
                if (value.ValueKind != JsonValueKind.Array)
                {
                    errors.Add($"{path}: expected array, got {value.ValueKind}");
                    return;
                }

                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Check(item, schema.Items!, $"{path}[{index++}]", errors);
                }

                break;
            case "string":
                if (value.ValueKind != JsonValueKind.String)
                {
                    errors.Add($"{path}: expected string, got {value.ValueKind}");
                    return;
                }

                CheckString(value.GetString()!, schema, path, errors);
                break;
            case "integer":
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
                {
                    errors.Add($"{path}: expected integer, got {value}");
                    return;
                }

                if ((Bound(schema.Minimum) is { } min && number < min) || (Bound(schema.Maximum) is { } max && number > max))
                {
                    errors.Add($"{path}: {number} outside [{schema.Minimum}, {schema.Maximum}]");
                }

                break;
            case "number":
                if (value.ValueKind != JsonValueKind.Number)
                {
                    errors.Add($"{path}: expected number, got {value.ValueKind}");
                }

                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add($"{path}: expected boolean, got {value.ValueKind}");
                }

                break;
            default:
                errors.Add($"{path}: schema type '{type}' not handled by this validator");
                break;
        }
    }

    private static void CheckString(string text, IOpenApiSchema schema, string path, List<string> errors)
    {
        if (schema.MaxLength is { } maxLength && text.Length > maxLength)
        {
            errors.Add($"{path}: longer than {maxLength}");
        }

        if (HasEnum(schema) && !EnumValues(schema).Contains(text))
        {
            errors.Add($"{path}: '{text}' not in enum");
        }

        var ok = schema.Format switch
        {
            "uuid" => Guid.TryParse(text, out _),
            "uri" => Uri.TryCreate(text, UriKind.Absolute, out _),
            "date-time" => DateTime().IsMatch(text),
            "ipv4" => System.Net.IPAddress.TryParse(text, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork,
            _ => true,
        };
        if (!ok)
        {
            errors.Add($"{path}: '{text}' is not a valid {schema.Format}");
        }
    }

    /// <summary>The enum's string values: on a string schema every value but null as its text (YAML's unquoted <c>1</c>
    /// is "1"), elsewhere the values that are strings.</summary>
    public static IReadOnlyList<string> EnumValues(IOpenApiSchema schema) =>
        [.. (schema.Enum ?? []).Where(v => v is not null && !JsonNullSentinel.IsJsonNullSentinel(v))
            .Select(v => v!.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : TypeName(schema) == "string" ? v.ToJsonString() : null)
            .OfType<string>()];

    /// <summary>Whether the schema has an <c>enum</c>, <c>enum: [null]</c> (which the reader keeps as a null type) too.</summary>
    public static bool HasEnum(IOpenApiSchema schema) => schema.Enum is { Count: > 0 } || IsOnlyNull(schema);

    /// <summary>The first value of the enum that is not null, as a JSON value of the schema's type.</summary>
    public static JsonNode? FirstEnumValue(IOpenApiSchema schema)
    {
        var value = (schema.Enum ?? []).First(v => v is not null && !JsonNullSentinel.IsJsonNullSentinel(v))!;
        return TypeName(schema) == "string" && value.GetValueKind() != JsonValueKind.String ? JsonValue.Create(value.ToJsonString()) : value.DeepClone();
    }

    private static int Count<T>(ICollection<T>? items) => items?.Count ?? 0;

    // RFC 3339 date-time, the format OpenAPI names.
    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")]
    private static partial Regex DateTime();
}
