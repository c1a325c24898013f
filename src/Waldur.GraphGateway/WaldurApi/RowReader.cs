using System.Text.Json;
using Waldur.Catalog.Model;
using Waldur.GraphGateway.Errors;

namespace Waldur.GraphGateway.WaldurApi;

/// <summary>
/// Reads Waldur bodies straight into <see cref="WaldurRow"/>s in one forward pass of <see cref="Utf8JsonReader"/>: no DOM,
/// no per-resource classes. Waldur writes keys in its serializer's order, so each key is first compared with the field
/// after the last one matched (one comparison per key on a well-behaved body); unknown keys, and keys outside a list's
/// projection, are skipped without allocating (a string or boxed value per unread key and row is wasted work). A body that
/// breaks the contract (not an array, a wrong type, a non-null field missing or null, a row without uuid) is an
/// unreadable response, never silent nulls.
/// </summary>
internal static class RowReader
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64 };

    /// <summary>
    /// A list body: a bare JSON array of objects (U8). With <paramref name="requested"/> only those keys are read, and
    /// only they must be present (Waldur sends just them when asked with <c>field=</c>, C8); the rows are partial.
    /// </summary>
    public static List<WaldurRow> ReadList(ReadOnlySpan<byte> body, RowShape shape, IReadOnlyCollection<string>? requested = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? nestedRequested = null)
    {
        try
        {
            return ReadListCore(body, shape, Projection.For(shape, requested, nestedRequested));
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

    private static List<WaldurRow> ReadListCore(ReadOnlySpan<byte> body, RowShape shape, Projection? projection)
    {
        var reader = new Utf8JsonReader(body, Options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            throw Unreadable("a list body that is not a JSON array (U8)");
        var rows = new List<WaldurRow>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            rows.Add(ReadObject(ref reader, shape, projection));
        EnsureEnd(ref reader);
        return rows;
    }

    private static WaldurRow ReadItemCore(ReadOnlySpan<byte> body, RowShape shape)
    {
        var reader = new Utf8JsonReader(body, Options);
        if (!reader.Read())
            throw Unreadable("an empty body");
        var row = ReadObject(ref reader, shape, null);
        EnsureEnd(ref reader);
        return row;
    }

    /// <summary>One object; with a <paramref name="projection"/> only its keys are read and must be present.</summary>
    private static WaldurRow ReadObject(ref Utf8JsonReader reader, RowShape shape, Projection? projection)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw Unreadable($"a {shape.TypeName} that is not a JSON object");
        var fields = shape.Fields;
        var wanted = projection?.Wanted;
        var values = new object?[fields.Count];
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
            values[field.Index] = ReadValue(ref reader, field, projection?.Nested[field.Index]);
        }

        foreach (var field in fields)
        {
            if (values[field.Index] is null && (field.Index == shape.UuidIndex
                                                 || (!field.Nullable && (wanted is null || wanted[field.Index]))))
                throw Unreadable($"{shape.TypeName}.{field.Descriptor.JsonName} is missing or null");
        }
        return new WaldurRow(shape, values, isComplete: wanted is null);
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
                return null;
            var wanted = new bool[shape.Fields.Count];
            var inner = new Projection?[shape.Fields.Count];
            foreach (var field in shape.Fields)
            {
                wanted[field.Index] = requested.Contains(field.Descriptor.JsonName);
                if (field.Nested is { } nestedShape && nested is not null && nested.TryGetValue(field.Descriptor.JsonName, out var keys))
                    inner[field.Index] = For(nestedShape, keys, null);
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
                i -= count;
            if (reader.ValueTextEquals(fields[i].JsonKey))
            {
                next = i + 1 == count ? 0 : i + 1;
                return fields[i];
            }
        }
        return null;
    }

    private static object? ReadValue(ref Utf8JsonReader reader, RowField field, Projection? nested)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (!field.IsList)
            return ReadScalar(ref reader, field, nested);
        if (reader.TokenType != JsonTokenType.StartArray)
            throw Unreadable($"{field.Descriptor.JsonName} is not an array");
        var items = new List<object?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            items.Add(reader.TokenType == JsonTokenType.Null ? null : ReadScalar(ref reader, field, nested));
        return field.Nested is null ? items : items.Cast<WaldurRow>().ToList();
    }

    private static object ReadScalar(ref Utf8JsonReader reader, RowField field, Projection? nested)
    {
        var token = reader.TokenType;
        switch (field.Kind)
        {
            case ValueKind.String when token == JsonTokenType.String:
                return reader.GetString()!;
            case ValueKind.Boolean when token is JsonTokenType.True or JsonTokenType.False:
                return token == JsonTokenType.True;
            case ValueKind.Int when token == JsonTokenType.Number && reader.TryGetInt64(out var integer):
                return integer;
            case ValueKind.Float when token == JsonTokenType.Number && reader.TryGetDouble(out var number):
                return number;
            case ValueKind.DateTime when token == JsonTokenType.String && reader.TryGetDateTimeOffset(out var moment):
                // Both forms Waldur writes (U7: `Z` and `+00:00`) are the same instant.
                return moment.ToUniversalTime();
            case ValueKind.Object when field.Nested is not null:
                // Waldur serializes nested objects whole whatever field= says (C8): a nested projection is ours alone.
                return ReadObject(ref reader, field.Nested, nested);
            case ValueKind.Json or ValueKind.Object:
                using (var document = JsonDocument.ParseValue(ref reader))
                    return document.RootElement.GetRawText();
            default:
                throw Unreadable($"{field.Descriptor.JsonName} is a JSON {token}, not the {field.Kind} Waldur documents");
        }
    }

    /// <summary>The reader takes one top-level value: reading past it rejects trailing data (as malformed JSON).</summary>
    private static void EnsureEnd(ref Utf8JsonReader reader) => _ = reader.Read();

    private static GatewayException Unreadable(string what) => WaldurErrors.Unreadable(what);
}
