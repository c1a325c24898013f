using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Waldur.Emulator.Waldur.Generic;

/// <summary>
/// A request body's value as a generic row stores it: whether it is valid for the list's item property (so rows stay valid
/// against the list's schema), its JSON, and its scalar for ordering and filtering (as <see cref="ValueWriter"/> returns).
/// </summary>
internal static class RowValue
{
    public static bool Fits(JsonElement value, SpecSchema schema, int depth)
    {
        var catalog = ListCatalog.Instance;
        schema = catalog.Resolve(schema);
        if (value.ValueKind == JsonValueKind.Null)
        {
            return schema.Nullable || schema.Enum.Contains("null");
        }

        if (schema.Type is null && schema.AllOf.Count > 0)
        {
            return Fits(value, schema.AllOf[0], depth);
        }

        if (schema.Type is null && (schema.OneOf.Count > 0 || schema.AnyOf.Count > 0))
        {
            return schema.OneOf.Concat(schema.AnyOf).Any(s => Fits(value, s, depth));
        }

        if (schema.Enum.Count > 0)
        {
            return schema.Enum.Contains(value.GetRawText());
        }

        return schema.Type switch
        {
            "string" => value.ValueKind == JsonValueKind.String && Text(value.GetString()!, schema),
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n)
                && (schema.Minimum is not { } lo || n >= lo) && (schema.Maximum is not { } hi || n <= hi),
            "number" => value.ValueKind == JsonValueKind.Number,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "array" => value.ValueKind == JsonValueKind.Array && depth < ValueWriter.MaxDepth
                && (schema.Items is null || value.EnumerateArray().All(v => Fits(v, schema.Items, depth + 1))),
            // A JSONField ({}): any value.
            null when schema.Properties.Count == 0 => true,
            // An object: every property present and valid (the list's schema requires its keys).
            _ => value.ValueKind == JsonValueKind.Object && depth < ValueWriter.MaxDepth
                && schema.Properties.All(p => value.TryGetProperty(p.Key, out var v) && Fits(v, p.Value, depth + 1)),
        };
    }

    public static string Json(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? new StringBuilder().AppendString(value.GetString()!).ToString() : value.GetRawText();

    public static object? Scalar(JsonElement value, SpecSchema resolved) => value.ValueKind switch
    {
        JsonValueKind.String when resolved.Format == "decimal" => decimal.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    // Formats as the emulator writes them (uuid: 32 lowercase hex digits, Waldur's serializers' form).
    private static bool Text(string text, SpecSchema schema)
    {
        if ((schema.MaxLength is { } max && text.Length > max) || (schema.MinLength is { } min && text.Length < min))
        {
            return false;
        }

        return schema.Format switch
        {
            "uuid" => text.Length == 32 && text.All(char.IsAsciiHexDigitLower),
            "uri" => Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
            "date-time" => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) && text.Contains('T', StringComparison.Ordinal),
            "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "decimal" => decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _),
            "email" => text.Contains('@', StringComparison.Ordinal),
            _ => schema.Pattern is null || Matches(text, schema.Pattern),
        };
    }

    // The spec's patterns are Python regular expressions; one .NET cannot read keeps the row's own value.
    private static bool Matches(string text, string pattern)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
