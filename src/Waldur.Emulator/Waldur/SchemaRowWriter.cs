using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Waldur.Emulator.Waldur;

/// <summary>One core list as the 8.0.5 spec describes it (<c>Schemas/core-schemas.json</c>, made by the catalog
/// generator): the item schema's keys in serializer order with a schema-valid default value each, and the
/// names <c>field=</c> accepts (null: the list has no <c>field</c> parameter).</summary>
internal sealed record CoreListSchema(string Schema, IReadOnlyList<string>? Fields, IReadOnlyList<KeyValuePair<string, string>> Keys)
{
    private static readonly Lazy<IReadOnlyDictionary<string, CoreListSchema>> All = new(Load);

    public static CoreListSchema For(string listPath) => All.Value[listPath];

    private static Dictionary<string, CoreListSchema> Load()
    {
        using var stream = typeof(CoreListSchema).Assembly.GetManifestResourceStream("core-schemas.json")
            ?? throw new InvalidOperationException("core-schemas.json is not embedded.");
        using var document = JsonDocument.Parse(stream);
        var result = new Dictionary<string, CoreListSchema>(StringComparer.Ordinal);
        foreach (var list in document.RootElement.EnumerateObject())
        {
            var field = list.Value.GetProperty("field");
            result[list.Name] = new CoreListSchema(
                list.Value.GetProperty("schema").GetString()!,
                field.ValueKind == JsonValueKind.Null ? null : [.. field.EnumerateArray().Select(f => f.GetString()!)],
                [.. list.Value.GetProperty("keys").EnumerateArray().Select(k => new KeyValuePair<string, string>(k[0].GetString()!, k[1].GetString()!))]);
        }

        return result;
    }
}

/// <summary>
/// Writes rows of one core list from its spec schema: every key in the serializer's order, the value from a declared
/// provider when there is one and the schema default otherwise (<c>${base}</c> in defaults is the request's scheme and
/// host, U6). A <c>field=</c> set keeps only the named keys, still in serializer order (C8).
/// </summary>
internal sealed class SchemaRowWriter<TRow>
{
    private readonly (string Key, string Default, Func<TRow, string, string>? Value)[] _keys;

    public SchemaRowWriter(string listPath, RowValues<TRow> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Schema = CoreListSchema.For(listPath);
        var known = Schema.Keys.Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        var unknown = values.Keys.Where(k => !known.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"{Schema.Schema} has no key(s) {string.Join(", ", unknown)}.");
        }

        _keys = [.. Schema.Keys.Select(k => (k.Key, k.Value, values.GetValueOrDefault(k.Key)))];
    }

    public CoreListSchema Schema { get; }

    public string Write(TRow row, string baseUrl, IReadOnlySet<string>? fields)
    {
        var b = new StringBuilder(2048).Append('{');
        foreach (var (key, fallback, value) in _keys)
        {
            if (fields is not null && !fields.Contains(key))
            {
                continue;
            }

            if (b.Length > 1)
            {
                b.Append(',');
            }

            b.AppendString(key).Append(':');
            // A written value the emulator does not model (IRowOverrides, set by Writes/) wins over the provider and the default.
            if (row is Data.Core.IRowOverrides { Written: var written } && written.TryGetValue(key, out var json))
            {
                b.Append(json.Replace("${base}", baseUrl, StringComparison.Ordinal));
                continue;
            }

            b.Append(value is null ? fallback.Replace("${base}", baseUrl, StringComparison.Ordinal) : value(row, baseUrl));
        }

        return b.Append('}').ToString();
    }
}

/// <summary>Per-resource value providers, keyed by schema key; each returns JSON text.</summary>
internal sealed class RowValues<TRow> : Dictionary<string, Func<TRow, string, string>>
{
    public RowValues()
        : base(StringComparer.Ordinal)
    {
    }

    public RowValues<TRow> Str(string key, Func<TRow, string?> value)
    {
        this[key] = (row, _) => Js(value(row));
        return this;
    }

    /// <summary>An absolute url from a path such as <c>/api/customers/{uuid}/</c>; null stays null.</summary>
    public RowValues<TRow> Url(string key, Func<TRow, string?> path)
    {
        this[key] = (row, baseUrl) => path(row) is { } p ? Js(baseUrl + p) : "null";
        return this;
    }

    public RowValues<TRow> Int(string key, Func<TRow, long?> value)
    {
        this[key] = (row, _) => value(row) is { } v ? v.ToString(CultureInfo.InvariantCulture) : "null";
        return this;
    }

    public RowValues<TRow> Bool(string key, Func<TRow, bool> value)
    {
        this[key] = (row, _) => value(row) ? "true" : "false";
        return this;
    }

    public RowValues<TRow> Time(string key, Func<TRow, DateTimeOffset?> value)
    {
        this[key] = (row, _) => value(row) is { } v ? Js(ResourceJson.FormatDateTime(v)) : "null";
        return this;
    }

    public RowValues<TRow> Day(string key, Func<TRow, DateOnly?> value)
    {
        this[key] = (row, _) => value(row) is { } v ? Js(v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : "null";
        return this;
    }

    /// <summary>A DRF <c>DecimalField</c>: a string with the field's decimal places.</summary>
    public RowValues<TRow> Decimal(string key, Func<TRow, decimal?> value, int places = 2)
    {
        this[key] = (row, _) => value(row) is { } v ? Js(v.ToString("F" + places.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)) : "null";
        return this;
    }

    public RowValues<TRow> Float(string key, Func<TRow, double?> value)
    {
        this[key] = (row, _) => value(row) is { } v ? v.ToString("0.0###############", CultureInfo.InvariantCulture) : "null";
        return this;
    }

    public RowValues<TRow> Raw(string key, Func<TRow, string, string> json)
    {
        this[key] = json;
        return this;
    }

    public static string Js(string? value) => value is null ? "null" : new StringBuilder().AppendString(value).ToString();
}
