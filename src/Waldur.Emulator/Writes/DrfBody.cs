using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Waldur.Emulator.Waldur;

namespace Waldur.Emulator.Writes;

/// <summary>
/// A request body read as DRF's <c>JSONParser</c> and validated as a DRF serializer's fields do
/// (<c>rest_framework/fields.py</c>, <c>rest_framework/relations.py HyperlinkedRelatedField</c>), collecting errors in
/// DRF's shape: <c>{"field": ["message"], "non_field_errors": [...]}</c>, nested objects for a dict field's children.
/// Fields are read in the serializer's order, which is the order of the keys in the 400 body.
/// </summary>
internal sealed partial class DrfBody
{
    // DRF's messages (rest_framework/fields.py, relations.py; Django's validate_slug for SlugField).
    public const string Required = "This field is required.";
    public const string NotNull = "This field may not be null.";
    public const string NotBlank = "This field may not be blank.";
    public const string NotString = "Not a valid string.";
    public const string NoUrlMatch = "Invalid hyperlink - No URL match.";
    public const string IncorrectUrlMatch = "Invalid hyperlink - Incorrect URL match.";
    public const string DoesNotExist = "Invalid hyperlink - Object does not exist.";
    public const string NotBoolean = "Must be a valid boolean.";
    public const string BadDate = "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.";
    public const string NotInteger = "A valid integer is required.";
    public const string BadSlug = "Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.";
    public const string BadEmail = "Enter a valid email address.";
    public const string BadUrl = "Enter a valid URL.";
    public const string NotNumber = "A valid number is required.";
    public const string BadUuid = "Must be a valid UUID.";
    public const string BadDateTime = "Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].";

    private readonly JsonElement _data;
    private readonly List<KeyValuePair<string, string>> _errors = [];

    private DrfBody(JsonElement data, bool partial)
    {
        _data = data;
        Partial = partial;
    }

    /// <summary>PATCH (<c>partial=True</c>): no field is required.</summary>
    public bool Partial { get; }

    public bool HasErrors => _errors.Count > 0;

    /// <summary>The body's own JSON object (for the journal and for keys kept verbatim).</summary>
    public JsonElement Data => _data;

    /// <summary>Reads the body: an empty body is <c>{}</c> (DRF's <c>request.data</c> without content); malformed JSON is
    /// the parser's 400 (<c>{"detail":"JSON parse error - …"}</c>); JSON that is not an object is the serializer's
    /// <c>non_field_errors</c> (<c>Serializer.to_internal_value</c>: "Invalid data. Expected a dictionary, but got list.").
    /// Returns null with <paramref name="error"/> (status, body) set when the request ends here.
    /// <paramref name="anyJson"/>: the operation's body is not a serializer's dict (a <c>many=True</c> list, a raw value),
    /// so any JSON is read as is.</summary>
    public static DrfBody? Parse(string text, bool partial, out (int Status, string Json)? error, bool anyJson = false)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return new DrfBody(JsonDocument.Parse("{}").RootElement.Clone(), partial);
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            // [UNVERIFIED] The text after the dash is Python's json error (e.g. "Expecting value: line 1 column 1 (char 0)");
            // the emulator says where .NET's parser stopped instead.
            error = (400, JsonText.Detail("JSON parse error - " + e.Message.Split('.')[0]));
            return null;
        }

        if (root.ValueKind != JsonValueKind.Object && !anyJson)
        {
            error = (400, "{\"non_field_errors\":[" + JsonString($"Invalid data. Expected a dictionary, but got {PythonType(root)}.") + "]}");
            return null;
        }

        return new DrfBody(root, partial);
    }

    public bool Has(string name) => _data.TryGetProperty(name, out _);

    /// <summary>A nested serializer's data (<c>Serializer</c> as a field): read with the root's <c>partial</c>, its errors
    /// go under the field's name as a dict.</summary>
    public DrfBody Nested(JsonElement data) => new(data, Partial);

    /// <summary>The field's value when the body has it; a required one that is missing is the error "This field is
    /// required." (not for PATCH).</summary>
    public bool Present(string name, bool required, out JsonElement value) => !Missing(name, required, out value);

    /// <summary><c>FloatField</c> / <c>DecimalField</c>: numbers and numeric strings (<c>float(data)</c>), else "A valid
    /// number is required."</summary>
    public void Number(string name)
    {
        if (Missing(name, false, out var value))
        {
            return;
        }

        var ok = value.ValueKind == JsonValueKind.Number
            || (value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString()!.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        if (!ok)
        {
            Error(name, NotNumber);
        }
    }

    /// <summary><c>UUIDField</c>: any form <c>uuid.UUID()</c> reads (hex with or without hyphens, braces, urn), else
    /// "Must be a valid UUID."</summary>
    public void Uuid(string name)
    {
        if (!Missing(name, false, out var value) && (value.ValueKind != JsonValueKind.String || UuidLookup.Normalize(value.GetString()!) is null))
        {
            Error(name, BadUuid);
        }
    }

    /// <summary><c>DateTimeField</c>: ISO 8601 (<c>parse_datetime</c>), else its "Datetime has wrong format." message.</summary>
    public void DateTime(string name)
    {
        if (!Missing(name, false, out var value)
            && (value.ValueKind != JsonValueKind.String
                || !DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)))
        {
            Error(name, BadDateTime);
        }
    }

    public void Error(string field, string message) => _errors.Add(new(field, "[" + JsonString(message) + "]"));

    /// <summary>An error whose value is already JSON (a nested object, e.g. a dict field's children or a
    /// <c>validate_start_date</c> that raises <c>{"start_date": …}</c>).</summary>
    public void ErrorJson(string field, string json) => _errors.Add(new(field, json));

    /// <summary>The 400 body: fields in the order their errors were found, one key per field with all its messages.</summary>
    public string ErrorsJson()
    {
        var b = new StringBuilder("{");
        foreach (var group in _errors.GroupBy(e => e.Key, StringComparer.Ordinal))
        {
            if (b.Length > 1)
            {
                b.Append(',');
            }

            b.Append(JsonString(group.Key)).Append(':');
            var values = group.Select(e => e.Value).ToList();
            b.Append(values.Count == 1 || values[0][0] != '[' ? values[0] : "[" + string.Join(",", values.Select(v => v[1..^1])) + "]");
        }

        return b.Append('}').ToString();
    }

    private bool Missing(string name, bool required, out JsonElement value)
    {
        if (_data.TryGetProperty(name, out value))
        {
            return false;
        }

        if (required && !Partial)
        {
            Error(name, Required);
        }

        return true;
    }

    /// <summary><c>CharField</c>: strings (numbers are turned into strings), whitespace trimmed, blank and length checked.</summary>
    public string? Char(string name, bool required = false, int? maxLength = null, bool allowBlank = true, bool allowNull = false, bool trim = true)
    {
        if (Missing(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!allowNull)
            {
                Error(name, NotNull);
            }

            return null;
        }

        string text;
        if (value.ValueKind == JsonValueKind.String)
        {
            text = value.GetString()!;
        }
        else if (value.ValueKind == JsonValueKind.Number)
        {
            text = value.GetRawText();
        }
        else
        {
            Error(name, NotString);
            return null;
        }

        if (trim)
        {
            text = text.Trim();
        }

        if (text.Length == 0 && !allowBlank)
        {
            Error(name, NotBlank);
            return null;
        }

        // MaxLengthValidator counts characters (Python str length: code points).
        if (maxLength is { } max && text.EnumerateRunes().Count() > max)
        {
            Error(name, $"Ensure this field has no more than {max.ToString(CultureInfo.InvariantCulture)} characters.");
            return null;
        }

        return text;
    }

    /// <summary><c>SlugField</c> (a <c>CharField</c> with Django's <c>validate_slug</c>).</summary>
    public string? Slug(string name, int maxLength = 50)
    {
        var text = Char(name, maxLength: maxLength, allowBlank: false);
        if (text is not null && !SlugPattern().IsMatch(text))
        {
            Error(name, BadSlug);
            return null;
        }

        return text;
    }

    /// <summary><c>EmailField</c> (Django's <c>EmailValidator</c>, simplified to local@domain.tld).</summary>
    public string? Email(string name, int maxLength)
    {
        var text = Char(name, maxLength: maxLength);
        if (!string.IsNullOrEmpty(text) && !EmailPattern().IsMatch(text))
        {
            Error(name, BadEmail);
            return null;
        }

        return text;
    }

    /// <summary><c>BooleanField</c>: DRF's TRUE_VALUES / FALSE_VALUES (true, "true", "True", 1, "1", "yes", "on", …).</summary>
    public bool? Bool(string name, bool required = false, bool allowNull = false)
    {
        if (Missing(name, required, out var value))
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Null:
                if (!allowNull)
                {
                    Error(name, NotNull);
                }

                return null;
            case JsonValueKind.Number when value.GetRawText() is "1" or "0":
                return value.GetRawText() == "1";
            case JsonValueKind.String when value.GetString() is "t" or "T" or "y" or "Y" or "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON" or "1":
                return true;
            case JsonValueKind.String when value.GetString() is "f" or "F" or "n" or "N" or "no" or "No" or "NO" or "false" or "False" or "FALSE" or "off" or "Off" or "OFF" or "0":
                return false;
            default:
                Error(name, NotBoolean);
                return null;
        }
    }

    /// <summary><c>DateField</c> (ISO 8601 <c>YYYY-MM-DD</c>); <paramref name="isNull"/> tells an explicit null from absence.</summary>
    public DateOnly? Date(string name, bool allowNull, out bool isNull)
    {
        isNull = false;
        if (Missing(name, false, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            isNull = allowNull;
            if (!allowNull)
            {
                Error(name, NotNull);
            }

            return null;
        }

        if (value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Error(name, BadDate);
        return null;
    }

    /// <summary><c>ChoiceField</c>: "\"x\" is not a valid choice.".</summary>
    public string? Choice(string name, IReadOnlyCollection<string> choices, bool allowBlank = false)
    {
        if (Missing(name, false, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Null => null,
            _ => value.GetRawText(),
        };
        if (text is null)
        {
            Error(name, NotNull);
            return null;
        }

        if ((text.Length == 0 && allowBlank) || choices.Contains(text))
        {
            return text;
        }

        Error(name, text.Length == 0 ? NotBlank : $"\"{text}\" is not a valid choice.");
        return null;
    }

    /// <summary><c>IntegerField</c> (with optional <c>min_value</c>/<c>max_value</c>), nullable when <paramref name="allowNull"/>.</summary>
    public long? Integer(string name, long? min = null, long? max = null, bool allowNull = false)
    {
        if (Missing(name, false, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!allowNull)
            {
                Error(name, NotNull);
            }

            return null;
        }

        var message = IntegerMessage(value, min, max, out var number);
        if (message is not null)
        {
            Error(name, message);
            return null;
        }

        return number;
    }

    /// <summary><c>DictField(child=IntegerField(min_value=…))</c>: a non-object is "Expected a dictionary of items but got
    /// type \"list\"."; a bad child is a nested error <c>{"limits": {"cpu": ["A valid integer is required."]}}</c>.</summary>
    public SortedDictionary<string, long>? IntDict(string name, bool required, long? min)
    {
        if (Missing(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            Error(name, NotNull);
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Error(name, $"Expected a dictionary of items but got type \"{PythonType(value)}\".");
            return null;
        }

        var result = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var children = new List<string>();
        foreach (var property in value.EnumerateObject())
        {
            var message = IntegerMessage(property.Value, min, null, out var number);
            if (message is null)
            {
                result[property.Name] = number;
            }
            else
            {
                children.Add(JsonString(property.Name) + ":[" + JsonString(message) + "]");
            }
        }

        if (children.Count > 0)
        {
            ErrorJson(name, "{" + string.Join(",", children) + "}");
            return null;
        }

        return result;
    }

    /// <summary>A <c>JSONField</c>/<c>DictField</c> without a child type: any JSON object (a non-object is DRF's
    /// DictField message). Returns the raw JSON text.</summary>
    public string? Object(string name)
    {
        if (Missing(name, false, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Error(name, $"Expected a dictionary of items but got type \"{PythonType(value)}\".");
            return null;
        }

        return value.GetRawText();
    }

    /// <summary>
    /// <c>HyperlinkedRelatedField</c>: not a string → "Incorrect type. Expected URL string, received int."; the scheme and
    /// host are dropped (<c>urlparse(data).path</c>) and the path resolved: no route → "No URL match."; another view →
    /// "Incorrect URL match."; the lookup not in the field's queryset (which, with <c>PermissionFieldFilteringMixin</c>,
    /// is filtered for the user) → "Object does not exist.". <paramref name="resolve"/> maps a path to the object, or
    /// null when the path is the right view but no visible object; <paramref name="isRightView"/> says whether the path
    /// is the field's view at all.
    /// </summary>
    public T? Link<T>(string name, bool required, Func<string, bool> isRightView, Func<string, T?> resolve, Func<string, bool> resolvesAnywhere, bool allowNull = false)
        where T : class
    {
        if (Missing(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!allowNull)
            {
                Error(name, NotNull);
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Error(name, $"Incorrect type. Expected URL string, received {PythonType(value)}.");
            return null;
        }

        var text = value.GetString()!;
        var path = text;
        if (text.StartsWith("http:", StringComparison.Ordinal) || text.StartsWith("https:", StringComparison.Ordinal))
        {
            path = Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri.AbsolutePath : "";
        }

        if (!isRightView(path))
        {
            Error(name, resolvesAnywhere(path) ? IncorrectUrlMatch : NoUrlMatch);
            return null;
        }

        var found = resolve(path);
        if (found is null)
        {
            Error(name, DoesNotExist);
        }

        return found;
    }

    /// <summary>The uuid segment of <c>/api/&lt;list&gt;/&lt;uuid&gt;/</c> when the path is exactly that detail route, else null.</summary>
    public static string? DetailUuid(string path, string listPrefix)
    {
        if (!path.StartsWith(listPrefix, StringComparison.Ordinal) || !path.EndsWith('/'))
        {
            return null;
        }

        var rest = path[listPrefix.Length..^1];
        return rest.Length > 0 && !rest.Contains('/', StringComparison.Ordinal) && !rest.Contains('.', StringComparison.Ordinal) ? rest : null;
    }

    public static string JsonString(string text) => RowValuesJs(text);

    private static string RowValuesJs(string text) => new StringBuilder().AppendString(text).ToString();

    // IntegerField.to_internal_value: int("12") and 12.0 pass; "1.5", true, "x" fail.
    private static string? IntegerMessage(JsonElement value, long? min, long? max, out long number)
    {
        number = 0;
        var ok = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt64(out number) || (value.TryGetDouble(out var d) && d == Math.Floor(d) && Math.Abs(d) < 9e18 && (number = (long)d) == number),
            JsonValueKind.String => long.TryParse(value.GetString()!.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
        if (!ok)
        {
            return NotInteger;
        }

        if (min is { } low && number < low)
        {
            return $"Ensure this value is greater than or equal to {low.ToString(CultureInfo.InvariantCulture)}.";
        }

        if (max is { } high && number > high)
        {
            return $"Ensure this value is less than or equal to {high.ToString(CultureInfo.InvariantCulture)}.";
        }

        return null;
    }

    /// <summary>Python's <c>type(x).__name__</c> for a JSON value.</summary>
    public static string PythonType(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "dict",
        JsonValueKind.Array => "list",
        JsonValueKind.String => "str",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Number => value.TryGetInt64(out _) ? "int" : "float",
        _ => "NoneType",
    };

    [GeneratedRegex("^[-a-zA-Z0-9_]+\\z")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+\\z")]
    private static partial Regex EmailPattern();
}
