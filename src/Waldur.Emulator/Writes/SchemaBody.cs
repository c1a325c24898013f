using System.Text.Json;
using Waldur.Emulator.Waldur.Generic;

namespace Waldur.Emulator.Writes;

/// <summary>
/// Validates a body against an operation's request schema as the DRF serializer behind it would, field by field in the
/// schema's (the serializer's) order, through <see cref="DrfBody"/>'s field checks (<c>rest_framework/fields.py</c>). The
/// schema tells the field class as drf-spectacular rendered it: an enum (or <c>allOf</c>/<c>oneOf</c> of enums with
/// <c>BlankEnum</c>/<c>NullEnum</c>) is a <c>ChoiceField</c>, <c>integer</c> an <c>IntegerField</c> with its bounds,
/// <c>number</c> and <c>format: decimal</c> a <c>FloatField</c>/<c>DecimalField</c>, <c>boolean</c> a <c>BooleanField</c>,
/// <c>date</c>/<c>date-time</c>/<c>uuid</c>/<c>email</c> strings those fields, other strings a <c>CharField</c>
/// (<c>minLength: 1</c> is <c>allow_blank=False</c>), an array a <c>ListField</c>/<c>ListSerializer</c>, an object with
/// properties a nested serializer, an untyped schema a <c>JSONField</c> (anything). readOnly keys are ignored, as DRF
/// ignores read-only fields in input; <c>format: binary</c> keys (file fields) are not read from JSON.
/// [Simplification] Patterns (<c>RegexField</c>, <c>SlugField</c>), lengths of lists and hyperlinks' targets are not checked.
/// </summary>
internal static class SchemaBody
{
    public static void Validate(DrfBody body, SpecSchema schema, ISchemaTable table)
    {
        var s = Unwrap(schema, table);
        var required = s.Required.ToHashSet(StringComparer.Ordinal);
        foreach (var (name, property) in s.Properties)
        {
            if (property.ReadOnly || Unwrap(property, table) is { Format: "binary" })
            {
                continue;
            }

            if (body.Present(name, required.Contains(name), out var value))
            {
                Field(body, name, property, value, table);
            }
        }
    }

    /// <summary>A body that is a list (<c>many=True</c>): ListSerializer's "Expected a list of items but got type …" under
    /// <c>non_field_errors</c>, else one dict of errors per item, <c>[{}, {"name": […]}]</c>. Returns the 400 body or null.</summary>
    public static string? ValidateList(DrfBody body, SpecSchema schema, ISchemaTable table)
    {
        var s = Unwrap(schema, table);
        if (body.Data.ValueKind != JsonValueKind.Array)
        {
            return "{\"non_field_errors\":[" + DrfBody.JsonString($"Expected a list of items but got type \"{DrfBody.PythonType(body.Data)}\".") + "]}";
        }

        var errors = body.Data.EnumerateArray().Select(item => ItemErrors(body, item, s.Items!, table)).ToList();
        return errors.Exists(e => e != "{}") ? "[" + string.Join(",", errors) + "]" : null;
    }

    private static void Field(DrfBody body, string name, SpecSchema declared, JsonElement value, ISchemaTable table)
    {
        var s = Unwrap(declared, table);
        var choices = new List<string>();
        var nullable = Choices(declared, table, choices) | s.Nullable;
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!nullable)
            {
                body.Error(name, DrfBody.NotNull);
            }

            return;
        }

        if (choices.Count > 0)
        {
            body.Choice(name, [.. choices.Where(c => c.Length > 0)], allowBlank: choices.Contains(""));
            return;
        }

        switch (s.Type)
        {
            case "string":
                Text(body, name, s);
                break;
            case "integer":
                body.Integer(name, Bound(s.Minimum), Bound(s.Maximum));
                break;
            case "number":
                body.Number(name);
                break;
            case "boolean":
                body.Bool(name);
                break;
            case "array":
                List(body, name, s, value, table);
                break;
            case null when s.Properties.Count == 0:
                // JSONField: any JSON value.
                break;
            default:
                var errors = ItemErrors(body, value, s, table);
                if (errors != "{}")
                {
                    body.ErrorJson(name, errors);
                }

                break;
        }
    }

    private static void Text(DrfBody body, string name, SpecSchema s)
    {
        switch (s.Format)
        {
            case "date":
                body.Date(name, allowNull: true, out _);
                break;
            case "date-time":
                body.DateTime(name);
                break;
            case "uuid":
                body.Uuid(name);
                break;
            case "decimal":
                body.Number(name);
                break;
            case "email":
                body.Email(name, s.MaxLength ?? 254);
                break;
            default:
                body.Char(name, maxLength: s.MaxLength, allowBlank: s.MinLength is null or 0);
                break;
        }
    }

    // ListField / MultipleChoiceField / ListSerializer: a str, dict or scalar is "Expected a list of items but got type
    // \"str\"."; a ListField's bad children are {index: [messages]}, a MultipleChoiceField's bad choices a flat list, a
    // ListSerializer's one dict per item.
    private static void List(DrfBody body, string name, SpecSchema s, JsonElement value, ISchemaTable table)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            body.Error(name, $"Expected a list of items but got type \"{DrfBody.PythonType(value)}\".");
            return;
        }

        if (s.Items is null)
        {
            return;
        }

        var item = Unwrap(s.Items, table);
        if (item.Type is "object" || (item.Type is null && item.Properties.Count > 0))
        {
            var errors = value.EnumerateArray().Select(v => ItemErrors(body, v, item, table)).ToList();
            if (errors.Exists(e => e != "{}"))
            {
                body.ErrorJson(name, "[" + string.Join(",", errors) + "]");
            }

            return;
        }

        var indexed = DrfBody.Parse(
            "{" + string.Join(",", value.EnumerateArray().Select((v, i) => "\"" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\":" + v.GetRawText())) + "}",
            partial: false, out _)!;
        for (var i = 0; i < value.GetArrayLength(); i++)
        {
            var key = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Field(indexed, key, s.Items, indexed.Data.GetProperty(key), table);
        }

        if (indexed.HasErrors)
        {
            body.ErrorJson(name, indexed.ErrorsJson());
        }
    }

    // A nested serializer's errors as a dict ("{}" when valid); a value that is not a dict is Serializer.to_internal_value's
    // {"non_field_errors": ["Invalid data. Expected a dictionary, but got str."]}.
    private static string ItemErrors(DrfBody parent, JsonElement value, SpecSchema schema, ISchemaTable table)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return "{\"non_field_errors\":[" + DrfBody.JsonString($"Invalid data. Expected a dictionary, but got {DrfBody.PythonType(value)}.") + "]}";
        }

        var nested = parent.Nested(value);
        Validate(nested, schema, table);
        return nested.HasErrors ? nested.ErrorsJson() : "{}";
    }

    // drf-spectacular's wrappers: a $ref, or allOf [one ref] (a nullable or read-only reference).
    private static SpecSchema Unwrap(SpecSchema schema, ISchemaTable table)
    {
        var s = table.Resolve(schema);
        while (s.Type is null && s.AllOf.Count == 1 && s.Properties.Count == 0)
        {
            s = table.Resolve(s.AllOf[0]);
        }

        return s;
    }

    // The choices of a ChoiceField: its enum, or those of oneOf [XEnum, BlankEnum, NullEnum] ("" allows blank, null
    // allows null). Returns whether null is a choice.
    private static bool Choices(SpecSchema declared, ISchemaTable table, List<string> choices)
    {
        var s = table.Resolve(declared);
        var nullable = declared.Nullable || s.Nullable;
        foreach (var part in s.AllOf.Concat(s.OneOf).Concat(s.AnyOf))
        {
            nullable |= Choices(part, table, choices);
        }

        foreach (var raw in s.Enum)
        {
            if (raw == "null")
            {
                nullable = true;
            }
            else
            {
                choices.Add(raw[0] == '"' ? JsonSerializer.Deserialize<string>(raw)! : raw);
            }
        }

        return nullable;
    }

    private static long? Bound(decimal? value) => value is { } v ? (long)Math.Clamp(v, long.MinValue, long.MaxValue) : null;
}
