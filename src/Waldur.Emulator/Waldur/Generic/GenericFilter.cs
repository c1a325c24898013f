using System.Globalization;
using System.Text.Json;

namespace Waldur.Emulator.Waldur.Generic;

/// <summary>
/// The declared query parameters of a generic list that the emulator applies: a parameter named like an item property
/// (or <c>X_exact</c> for property <c>X</c>, or <c>X_uuid</c> for a url property <c>X</c>) filters exactly on it;
/// <c>name</c> is a case-insensitive substring as in
/// Waldur's <c>NameFilterSet</c>. Values are validated as django-filter's form would (C3): a bad uuid is
/// <c>Enter a valid UUID.</c>, a value outside an enum <c>Select a valid choice. …</c>, a bad number <c>Enter a number.</c>;
/// a bad boolean is no filter (django-filter's <c>BooleanWidget</c>). Arrays are repeated parameters (or one
/// comma-separated value when the spec says <c>explode: false</c>) meaning OR. Date and date-time parameters are Waldur's
/// "after" filters and, like every parameter without a property of its name, are accepted and have no effect.
/// </summary>
internal static class GenericFilter
{
    public static Func<GenericRow, bool>? Read(
        ListParameter parameter, SpecSchema item, QueryString query, List<KeyValuePair<string, string>> errors)
    {
        var catalog = ListCatalog.Instance;
        var name = parameter.Name;
        var target = name == "name" || !name.EndsWith("_exact", StringComparison.Ordinal) ? name : name[..^"_exact".Length];
        var index = IndexOf(item, target);
        if (index < 0 && name.EndsWith("_uuid", StringComparison.Ordinal) && IndexOf(item, name[..^"_uuid".Length]) is var linked and >= 0
            && catalog.Resolve(item.Properties[linked].Value).Format == "uri")
        {
            // `customer_uuid` on rows that carry only the `customer` hyperlink: Waldur filters the same relation.
            index = linked;
        }

        var schema = catalog.Resolve(parameter.Schema);
        var isArray = schema.Type == "array" && schema.Items is not null;
        var element = isArray ? catalog.Resolve(schema.Items!) : schema;
        var raw = parameter.Csv ? (query.Last(name)?.Split(',') ?? []) : isArray ? query.All(name) : [query.Last(name) ?? ""];
        var values = raw.Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
        if (values.Count == 0 || element.Format is "date" or "date-time")
        {
            return null;
        }

        if (name == "name" && index >= 0)
        {
            var part = values[^1];
            return row => Text(row.Values[index]) is { } text && text.Contains(part, StringComparison.OrdinalIgnoreCase);
        }

        // The form validates every declared parameter, whether or not the emulator can apply it.
        var accepted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (Accept(element, value, errors, name) is not { } text)
            {
                return element.Type == "boolean" ? null : _ => false;
            }

            accepted.Add(text);
        }

        if (index < 0)
        {
            return null;
        }

        var comparable = Comparable(element.Format, catalog.Resolve(item.Properties[index].Value).Format);
        return row => Text(row.Values[index]) is { } text && accepted.Contains(comparable(text));
    }

    // A row value in the parameter's form: a uuid parameter over a url property (BaseResourceFilter's `customer` is a
    // UUIDFilter, the serializer's `customer` a hyperlink) compares the url's last segment.
    private static Func<string, string> Comparable(string? parameterFormat, string? propertyFormat) => (parameterFormat, propertyFormat) switch
    {
        ("uuid", "uri") => text => UuidLookup.Normalize(PathOf(text).TrimEnd('/').Split('/')[^1]) ?? text,
        ("uuid", _) => text => UuidLookup.Normalize(text) ?? text,
        ("uri", _) => PathOf,
        _ => text => text,
    };

    /// <summary>The index of an item property, or -1.</summary>
    public static int IndexOf(SpecSchema item, string key)
    {
        for (var i = 0; i < item.Properties.Count; i++)
        {
            if (item.Properties[i].Key == key)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A scalar as the text filters compare (decimals invariant, booleans lower case); null for null.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        decimal d => d.ToString("G29", CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    // The value in the form rows are compared in, or null (with an error added unless it is a boolean's no-filter).
    private static string? Accept(SpecSchema element, string value, List<KeyValuePair<string, string>> errors, string name)
    {
        if (element.Enum.Count > 0)
        {
            var choices = element.Enum.Where(e => e != "null").Select(e => e[0] == '"' ? JsonSerializer.Deserialize<string>(e)! : e);
            if (choices.Contains(value, StringComparer.Ordinal))
            {
                return value;
            }

            errors.Add(new(name, $"Select a valid choice. {value} is not one of the available choices."));
            return null;
        }

        switch (element.Format, element.Type)
        {
            case ("uuid", _):
                var uuid = UuidLookup.Normalize(value);
                if (uuid is null)
                {
                    errors.Add(new(name, "Enter a valid UUID."));
                }

                return uuid;
            case ("uri", _):
                return PathOf(value);
            case (_, "boolean"):
                return value.ToLowerInvariant() switch { "true" or "1" => "true", "false" or "0" => "false", _ => null };
            case (_, "integer" or "number"):
                if (decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return number.ToString("G29", CultureInfo.InvariantCulture);
                }

                errors.Add(new(name, "Enter a number."));
                return null;
            default:
                return value;
        }
    }

    // A url filter resolves the url to an object (C4): compare paths, whatever host the url names.
    private static string PathOf(string url) =>
        url.StartsWith(GenericRows.Base, StringComparison.Ordinal) ? url[GenericRows.Base.Length..]
        : Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath
        : url;
}
