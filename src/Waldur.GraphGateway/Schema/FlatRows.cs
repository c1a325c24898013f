using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Waldur.GraphGateway.Schema;

/// <summary>
/// A list of objects answered by <see cref="FlatListExecutionStrategy"/>: the response keys once and every item's
/// serialized values row by row (a nested list of objects is a <see cref="FlatRows"/> value).
/// <see cref="FlatRowsJsonConverter"/> writes it as the nodes would have been written; enumerated, it yields one
/// dictionary per item (for a reader of <c>ExecutionResult.Data</c> other than the writer).
/// </summary>
internal sealed class FlatRows(string[] names, int count, object?[] values) : IEnumerable
{
    public IReadOnlyList<string> Names => names;

    public int Count => count;

    public object? Value(int row, int column) => values[(row * names.Length) + column];

    public IEnumerator GetEnumerator()
    {
        for (var row = 0; row < count; row++)
        {
            var item = new Dictionary<string, object?>(names.Length, StringComparer.Ordinal);
            for (var column = 0; column < names.Length; column++)
            {
                item[names[column]] = Value(row, column);
            }

            yield return item;
        }
    }
}

/// <summary>
/// Writes <see cref="FlatRows"/> into the GraphQL response: property names encoded once per list, common scalars
/// written directly, anything else through the response's own serializer options. GraphQL.NET writes a list node's
/// <c>SerializedResult</c> as a declared <see cref="IEnumerable"/>, so System.Text.Json asks the converter of that
/// type, not of the runtime one: this converter is it, and writes any other list as the default would (each item by
/// its runtime type).
/// </summary>
internal sealed class FlatRowsJsonConverter : JsonConverter<IEnumerable>
{
    public override IEnumerable? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<List<object?>>(ref reader, options);

    public override void Write(Utf8JsonWriter writer, IEnumerable value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        writer.WriteStartArray();
        if (value is FlatRows rows)
        {
            WriteRows(writer, rows, options);
        }
        else
        {
            foreach (var item in value)
            {
                WriteValue(writer, item, options);
            }
        }

        writer.WriteEndArray();
    }

    private static void WriteRows(Utf8JsonWriter writer, FlatRows rows, JsonSerializerOptions options)
    {
        var names = new JsonEncodedText[rows.Names.Count];
        for (var column = 0; column < names.Length; column++)
        {
            var name = rows.Names[column];
            names[column] = JsonEncodedText.Encode(options.PropertyNamingPolicy?.ConvertName(name) ?? name, options.Encoder);
        }

        for (var row = 0; row < rows.Count; row++)
        {
            writer.WriteStartObject();
            for (var column = 0; column < names.Length; column++)
            {
                writer.WritePropertyName(names[column]);
                WriteValue(writer, rows.Value(row, column), options);
            }

            writer.WriteEndObject();
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case FlatRows nested:
                writer.WriteStartArray();
                WriteRows(writer, nested, options);
                writer.WriteEndArray();
                break;
            default:
                JsonSerializer.Serialize(writer, value, value.GetType(), options);
                break;
        }
    }
}
