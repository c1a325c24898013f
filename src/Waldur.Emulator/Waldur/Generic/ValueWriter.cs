using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Waldur.Emulator.Waldur.Generic;

/// <summary>
/// Writes a JSON value valid against a spec schema from a seeded <see cref="Random"/>: enums pick a value, formats get
/// well-formed text (uuid as 32 lowercase hex digits as Waldur's serializers write it, absolute urls under
/// <c>${base}</c>, RFC 3339 UTC date-times), bounds and lengths are kept, nullable values are sometimes null, arrays hold
/// 0–3 items and nesting stops (empty arrays, nulls) below depth 3. Returns the value as a scalar for ordering and
/// filtering (string, decimal, bool, or null for null, objects and arrays).
/// </summary>
internal static partial class ValueWriter
{
    public const int MaxDepth = 3;

    private static readonly string[] Words =
    [
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima",
        "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango",
    ];

    private static readonly DateTime Epoch = new(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <param name="table">Where <c>$ref</c>s resolve: the list extract for rows, the write extract for responses.</param>
    public static object? Write(ISchemaTable table, StringBuilder b, SpecSchema schema, Random r, int depth, string name)
    {
        if (schema.Nullable && (depth >= MaxDepth || r.Next(8) == 0))
        {
            b.Append("null");
            return null;
        }

        if (schema.Ref is not null)
        {
            return Write(table, b, table.Resolve(schema), r, depth, name);
        }

        // drf-spectacular: allOf [ref] for a nullable or read-only reference; oneOf/anyOf [enum, BlankEnum, NullEnum].
        if (schema.Type is null && schema.AllOf.Count > 0)
        {
            return Write(table, b, schema.AllOf[0], r, depth, name);
        }

        if (schema.Type is null && (schema.OneOf.Count > 0 || schema.AnyOf.Count > 0))
        {
            return Write(table, b, (schema.OneOf.Count > 0 ? schema.OneOf : schema.AnyOf)[0], r, depth, name);
        }

        if (schema.Enum.Count > 0)
        {
            return Enum(b, schema, r);
        }

        switch (schema.Type)
        {
            case "string":
                var text = Text(schema, r, name);
                b.AppendString(text);
                return schema.Format == "decimal" ? decimal.Parse(text, CultureInfo.InvariantCulture) : text;
            case "integer":
                var lo = schema.Minimum ?? 0;
                var hi = Math.Min(schema.Maximum ?? lo + 1000, lo + 1000);
                var integer = lo + r.Next((int)(hi - lo) + 1);
                b.Append(integer.ToString(CultureInfo.InvariantCulture));
                return integer;
            case "number":
                var number = Math.Round((decimal)r.NextDouble() * 1000, 2);
                b.Append(number.ToString("0.0#", CultureInfo.InvariantCulture));
                return number;
            case "boolean":
                var flag = r.Next(2) == 0;
                b.Append(flag ? "true" : "false");
                return flag;
            case "array":
                b.Append('[');
                var count = depth >= MaxDepth || schema.Items is null ? 0 : r.Next(4);
                for (var i = 0; i < count; i++)
                {
                    b.Append(i > 0 ? "," : "");
                    Write(table, b, schema.Items!, r, depth + 1, name);
                }

                b.Append(']');
                return null;
            case null when schema.Properties.Count == 0:
                // {} (a JSONField: any value): its model default, [] or {} (rule J, JsonFieldDefaults), never null
                // unless the spec marks it nullable (handled above).
                b.Append(JsonFieldDefaults.Empty(name));
                return null;
            default:
                // An object.
                b.Append('{');
                var first = true;
                // Write-only keys (only the write extract keeps them) are never in a response.
                foreach (var (key, property) in schema.Properties.Where(p => !p.Value.WriteOnly))
                {
                    b.Append(first ? "" : ",").AppendString(key).Append(':');
                    Write(table, b, property, r, depth + 1, key);
                    first = false;
                }

                b.Append('}');
                return null;
        }
    }

    private static object? Enum(StringBuilder b, SpecSchema schema, Random r)
    {
        var choices = schema.Enum.Where(e => e != "null").ToList();
        if (choices.Count == 0)
        {
            b.Append("null");
            return null;
        }

        var raw = choices[r.Next(choices.Count)];
        b.Append(raw);
        return raw[0] == '"' ? JsonSerializer.Deserialize<string>(raw) : decimal.Parse(raw, CultureInfo.InvariantCulture);
    }

    private static string Text(SpecSchema schema, Random r, string name)
    {
        var text = schema.Format switch
        {
            "uuid" => Hex(r, 16),
            "uri" => "${base}/api/" + name.Replace('_', '-') + "/" + Hex(r, 16) + "/",
            "date-time" => ResourceJson.FormatDateTime(Epoch.AddSeconds(r.Next(3 * 365 * 86400)).AddTicks(r.Next(2) * r.Next(1_000_000) * 10)),
            "date" => Epoch.AddDays(r.Next(3 * 365)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "email" => Words[r.Next(Words.Length)] + r.Next(1000).ToString(CultureInfo.InvariantCulture) + "@example.com",
            "ipv4" => $"10.{r.Next(256)}.{r.Next(256)}.{r.Next(1, 255)}",
            "ipv6" => "fd00::" + r.Next(1, 0xffff).ToString("x", CultureInfo.InvariantCulture),
            "decimal" => Decimal(schema, r),
            // A uuid Waldur's serializer writes through a CharField (`reviewer_uuid`, `scope_uuid`): still a uuid.
            _ when name.EndsWith("uuid", StringComparison.Ordinal) => Hex(r, 16),
            // Patterns in 8.0.5 are slug-like ([-a-zA-Z0-9_]+, [a-z0-9][a-z0-9-]+[a-z0-9], …): a letter then hex digits fits all.
            _ when schema.Pattern is not null => "a" + Hex(r, 4)[..7],
            _ => Words[r.Next(Words.Length)] + " " + r.Next(100).ToString(CultureInfo.InvariantCulture),
        };
        if (schema.MaxLength is { } max && text.Length > max)
        {
            text = text[..max];
        }

        return schema.MinLength is { } min && text.Length < min ? text.PadRight(min, 'x') : text;
    }

    // A DRF DecimalField: the pattern ^-?\d{0,N}(?:\.\d{0,P})?$ gives the digits before and after the point.
    private static string Decimal(SpecSchema schema, Random r)
    {
        var match = schema.Pattern is null ? null : DecimalPattern().Match(schema.Pattern);
        var whole = match is { Success: true } ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 6;
        var places = match is { Success: true } ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 2;
        var integer = r.Next((int)Math.Pow(10, Math.Min(whole, 4))).ToString(CultureInfo.InvariantCulture);
        if (places == 0)
        {
            return integer;
        }

        var fraction = r.Next((int)Math.Pow(10, Math.Min(places, 4))).ToString(CultureInfo.InvariantCulture).PadLeft(Math.Min(places, 4), '0');
        return integer + "." + fraction.PadRight(places, '0');
    }

    public static string Hex(Random r, int bytes)
    {
        var buffer = new byte[bytes];
        r.NextBytes(buffer);
        return Convert.ToHexStringLower(buffer);
    }

    [GeneratedRegex(@"\\d\{0,(\d+)\}\(\?:\\\.\\d\{0,(\d+)\}\)")]
    private static partial Regex DecimalPattern();
}
