using System.Globalization;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using Waldur.Catalog.Model;
using Waldur.GraphGateway.Errors;

namespace Waldur.GraphGateway.WaldurApi;

/// <summary>
/// Reads Waldur bodies straight into <see cref="WaldurRow"/>s in one forward pass of <see cref="Utf8JsonReader"/>: no DOM,
/// no per-resource classes. Waldur writes keys in its serializer's order, so each key is first compared with the field
/// after the last one matched (one comparison per key on a well-behaved body); unknown keys, and keys outside a list's
/// projection, are skipped without allocating (a string or boxed value per unread key and row is wasted work).
/// Liberal in what it reads, exact in what it says: a value that does not fit its field (another JSON type, a key
/// documented as always set absent or null) is null plus a problem kept in the row, so only that field of that row
/// fails, and only if a query selects it; a row without uuid is left out and counted. Only a body that is not the
/// shape of a list or an object at all is an unreadable response.
/// </summary>
internal static class RowReader
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64 };

    /// <summary>
    /// A list body: a bare JSON array of objects (U8). With <paramref name="requested"/> only those keys are read, and
    /// only they must be present (Waldur sends just them when asked with <c>field=</c>, C8); the rows are partial.
    /// </summary>
    public static List<WaldurRow> ReadList(ReadOnlySpan<byte> body, RowShape shape, IReadOnlyCollection<string>? requested = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? nestedRequested = null) =>
        ReadList(body, shape, requested, nestedRequested, out _);

    /// <summary>As above; <paramref name="skipped"/> counts the rows left out because the gateway could not key them.</summary>
    public static List<WaldurRow> ReadList(ReadOnlySpan<byte> body, RowShape shape, IReadOnlyCollection<string>? requested,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? nestedRequested, out int skipped)
    {
        skipped = 0;
        try
        {
            return ReadListCore(body, shape, Projection.For(shape, requested, nestedRequested), ref skipped);
        }
        catch (JsonException e)
        {
            throw WaldurErrors.Unreadable("the body is not JSON", e);
        }
    }

    /// <summary>A retrieve body: one JSON object.</summary>
    public static WaldurRow ReadItem(ReadOnlySpan<byte> body, RowShape shape)
    {
        try
        {
            return ReadItemCore(body, shape);
        }
        catch (JsonException e)
        {
            throw WaldurErrors.Unreadable("the body is not JSON", e);
        }
    }

    private static List<WaldurRow> ReadListCore(ReadOnlySpan<byte> body, RowShape shape, Projection? projection, ref int skipped)
    {
        var reader = new Utf8JsonReader(body, Options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unreadable("a list body that is not a JSON array (U8)");
        }

        var rows = new List<WaldurRow>();
        var context = new BodyContext(body, new Dictionary<ulong, SeenObject>());
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            // A row the gateway cannot key is left out, not the page: the caller reports how many (one error).
            if (ReadObject(ref reader, context, shape, projection, out _) is { } row)
            {
                rows.Add(row);
            }
            else
            {
                skipped++;
            }
        }
        EnsureEnd(ref reader);
        return rows;
    }

    private static WaldurRow ReadItemCore(ReadOnlySpan<byte> body, RowShape shape)
    {
        var reader = new Utf8JsonReader(body, Options);
        if (!reader.Read())
        {
            throw Unreadable("an empty body");
        }

        var row = ReadObject(ref reader, new BodyContext(body, null), shape, null, out var keyless) ?? throw Unreadable(keyless!);
        EnsureEnd(ref reader);
        return row;
    }

    /// <summary>
    /// One object; with a <paramref name="projection"/> only its keys are read and must be present. A value that does not
    /// fit its field is null with a problem in its slot; the object is null (and <paramref name="keyless"/> says why) only
    /// when its uuid, the key the gateway itself depends on, is absent or not a string.
    /// </summary>
    private static WaldurRow? ReadObject(ref Utf8JsonReader reader, BodyContext context, RowShape shape, Projection? projection, out string? keyless)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Unreadable($"a {shape.TypeName} that is not a JSON object");
        }

        var fields = shape.Fields;
        var wanted = projection?.Wanted;
        var values = new object?[fields.Count];
        string?[]? problems = null;
        var next = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Match(ref reader, fields, ref next);
            reader.Read();
            if (field is null || (wanted is not null && !wanted[field.Index]))
            {
                reader.Skip();
                continue;
            }
            values[field.Index] = ReadValue(ref reader, context, field, projection?.Nested[field.Index], out var problem);
            if (problem is not null)
            {
                (problems ??= new string?[fields.Count])[field.Index] = problem;
            }
        }

        keyless = null;
        if (shape.UuidIndex >= 0 && values[shape.UuidIndex] is not string)
        {
            keyless = $"a {shape.TypeName} without a uuid ({problems?[shape.UuidIndex] ?? "absent or null"})";
            return null;
        }

        // Indexed, not foreach: the fields are an IReadOnlyList, whose enumerator would be an allocation per object.
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            if (values[field.Index] is null && !field.Nullable && problems?[field.Index] is null && (wanted is null || wanted[field.Index]))
            {
                (problems ??= new string?[fields.Count])[field.Index] = $"`{field.Descriptor.JsonName}` is absent or null, which Waldur documents as always set";
            }
        }
        return new WaldurRow(shape, values, isComplete: wanted is null, problems);
    }
    /// <summary>
    /// A projection resolved against a shape once per body: by field index, whether it is read, and the projection of
    /// the rows nested in it (null: read whole). Lookups per key are then an array index.
    /// </summary>
    private sealed class Projection(bool[] wanted, Projection?[] nested)
    {
        public bool[] Wanted { get; } = wanted;

        public Projection?[] Nested { get; } = nested;

        public static Projection? For(RowShape shape, IReadOnlyCollection<string>? requested, IReadOnlyDictionary<string, IReadOnlyList<string>>? nested)
        {
            if (requested is null)
            {
                return null;
            }

            var wanted = new bool[shape.Fields.Count];
            var inner = new Projection?[shape.Fields.Count];
            foreach (var field in shape.Fields)
            {
                wanted[field.Index] = requested.Contains(field.Descriptor.JsonName);
                if (field.Nested is { } nestedShape && nested is not null && nested.TryGetValue(field.Descriptor.JsonName, out var keys))
                {
                    inner[field.Index] = For(nestedShape, keys, null);
                }
            }

            return new Projection(wanted, inner);
        }
    }

    private static RowField? Match(ref Utf8JsonReader reader, IReadOnlyList<RowField> fields, ref int next)
    {
        var count = fields.Count;
        for (var k = 0; k < count; k++)
        {
            var i = next + k;
            if (i >= count)
            {
                i -= count;
            }

            if (reader.ValueTextEquals(fields[i].JsonKey))
            {
                next = i + 1 == count ? 0 : i + 1;
                return fields[i];
            }
        }
        return null;
    }

    /// <summary>A field's value, or null with <paramref name="problem"/> saying why it did not fit (the value is skipped).</summary>
    private static object? ReadValue(ref Utf8JsonReader reader, BodyContext context, RowField field, Projection? nested, out string? problem)
    {
        problem = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (!field.IsList)
        {
            return ReadScalar(ref reader, context, field, nested, out problem);
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            problem = Mismatch(field, reader.TokenType, "an array");
            reader.Skip();
            return null;
        }

        // Nested rows are collected as rows (what resolvers and the loaders read), other items as their values.
        System.Collections.IList items = field.Nested is null ? new List<object?>() : new List<WaldurRow?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (problem is not null)
            {
                reader.Skip();
                continue;
            }
            items.Add(reader.TokenType == JsonTokenType.Null ? null : ReadScalar(ref reader, context, field, nested, out problem));
        }
        if (problem is not null)
        {
            return null;
        }

        return items;
    }

    /// <summary>
    /// One scalar as its field's kind. Lossless readings are taken without a problem: a JSON number for a string field
    /// (Waldur 7 writes some decimals as numbers that 8 documents as strings) keeps its literal text; a numeric string or
    /// an integral number for an integer; a numeric string for a float.
    /// </summary>
    private static object? ReadScalar(ref Utf8JsonReader reader, BodyContext context, RowField field, Projection? nested, out string? problem)
    {
        problem = null;
        var token = reader.TokenType;
        switch (field.Kind)
        {
            case ValueKind.String when token == JsonTokenType.String:
                return reader.GetString()!;
            case ValueKind.String when token == JsonTokenType.Number && !field.IsKey:
                return Encoding.UTF8.GetString(reader.ValueSpan);
            case ValueKind.Boolean when token is JsonTokenType.True or JsonTokenType.False:
                return token == JsonTokenType.True;
            case ValueKind.Int when token == JsonTokenType.Number && reader.TryGetInt64(out var integer):
                return integer;
            case ValueKind.Int when token == JsonTokenType.Number && reader.TryGetDouble(out var whole) && IsInteger(whole):
                return (long)whole;
            case ValueKind.Int when token == JsonTokenType.String
                                    && long.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            case ValueKind.Float when token == JsonTokenType.Number && reader.TryGetDouble(out var number):
                return number;
            case ValueKind.Float when token == JsonTokenType.String
                                      && double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var decimalText):
                return decimalText;
            case ValueKind.DateTime when token == JsonTokenType.String && reader.TryGetDateTimeOffset(out var moment):
                // Both forms Waldur writes (U7: `Z` and `+00:00`) are the same instant.
                return moment.ToUniversalTime();
            case ValueKind.Object when field.Nested is not null && token == JsonTokenType.StartObject:
                // Waldur serializes nested objects whole whatever field= says (C8): a nested projection is ours alone.
                var row = field.IsList ? ReadRepeatable(ref reader, context, field.Nested, nested, out var keyless)
                    : ReadObject(ref reader, context, field.Nested, nested, out keyless);
                problem = row is null ? $"`{field.Descriptor.JsonName}` holds {keyless}" : null;
                return row;
            // Free-form JSON is any JSON value's exact text (an int64 a generated type keeps as JSON is a bare number).
            case ValueKind.Json:
            case ValueKind.Object when token is JsonTokenType.StartObject or JsonTokenType.StartArray:
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    return document.RootElement.GetRawText();
                }

            default:
                problem = Mismatch(field, token, field.Kind switch
                {
                    ValueKind.String => "a string",
                    ValueKind.Boolean => "a Boolean",
                    ValueKind.Int => "an integer",
                    ValueKind.Float => "a number",
                    ValueKind.DateTime => "an ISO 8601 date-time",
                    _ => "an object",
                });
                reader.Skip();
                return null;
        }
    }

    /// <summary>
    /// An object in a list of nested objects (an image's regions). Such lists repeat the same objects across a body (every
    /// image lists the same few regions), so an object whose bytes were read before in this body, for the same shape and
    /// projection, is that row again: rows are immutable, and sharing them saves the values, strings and row per copy
    /// (the S1 allocation profile: most of a page's strings were region names and uuids). The object is skipped once on a
    /// copy of the reader to find its bytes; a list body only (<see cref="BodyContext.Seen"/> is null for one item).
    /// </summary>
    private static WaldurRow? ReadRepeatable(ref Utf8JsonReader reader, BodyContext context, RowShape shape, Projection? projection, out string? keyless)
    {
        if (context.Seen is not { } seen)
        {
            return ReadObject(ref reader, context, shape, projection, out keyless);
        }

        var start = (int)reader.TokenStartIndex;
        var end = reader;
        end.Skip();
        var bytes = context.Body[start..(int)end.BytesConsumed];
        var hash = XxHash3.HashToUInt64(bytes);
        if (seen.TryGetValue(hash, out var earlier) && earlier.Shape == shape && earlier.Projection == projection
            && context.Body.Slice(earlier.Start, earlier.Length).SequenceEqual(bytes))
        {
            reader = end;
            keyless = null;
            return earlier.Row;
        }

        var row = ReadObject(ref reader, context, shape, projection, out keyless);
        if (row is not null)
        {
            seen.TryAdd(hash, new SeenObject(start, bytes.Length, shape, projection, row));
        }

        return row;
    }

    /// <summary>The body being read, and the nested objects already read from it (null: no sharing).</summary>
    private readonly ref struct BodyContext(ReadOnlySpan<byte> body, Dictionary<ulong, SeenObject>? seen)
    {
        public ReadOnlySpan<byte> Body { get; } = body;

        public Dictionary<ulong, SeenObject>? Seen { get; } = seen;
    }

    private sealed record SeenObject(int Start, int Length, RowShape Shape, Projection? Projection, WaldurRow Row);

    private static bool IsInteger(double value) => Math.Floor(value) == value && value is >= long.MinValue and <= long.MaxValue;

    /// <summary>What came instead of what the document says, with a short sample of a scalar (never a whole object).</summary>
    private static string Mismatch(RowField field, JsonTokenType token, string expected)
    {
        var came = token switch
        {
            JsonTokenType.StartArray => "an array",
            JsonTokenType.StartObject => "an object",
            JsonTokenType.True or JsonTokenType.False => "a Boolean",
            JsonTokenType.Number => "a number",
            JsonTokenType.String => "a string",
            _ => token.ToString(),
        };
        return $"`{field.Descriptor.JsonName}` came as {came} where Waldur documents {expected}";
    }

    /// <summary>The reader takes one top-level value: reading past it rejects trailing data (as malformed JSON).</summary>
    private static void EnsureEnd(ref Utf8JsonReader reader) => _ = reader.Read();

    private static GatewayException Unreadable(string what) => WaldurErrors.Unreadable(what);
}
