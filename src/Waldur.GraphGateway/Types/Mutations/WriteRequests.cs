using System.Text.Json;
using System.Text.Json.Nodes;
using Waldur.Catalog.Model;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Types.Relay;

namespace Waldur.GraphGateway.Types.Mutations;

/// <summary>
/// A mutation's input as the Waldur request it stands for: the object's id (a global id of the right type, or a uuid)
/// fills the path's <c>{uuid}</c>; references become the URLs Waldur expects (<c>{Waldur}/api/customers/{uuid}/</c>);
/// enums are already Waldur's values; JSON fields are parsed from their text. Only the fields given are sent, so a
/// <c>PATCH</c> changes exactly those.
/// </summary>
internal static class WriteRequests
{
    public const string IdArgument = "id";

    public static bool TakesId(WriteDescriptor write) => write.Path.Contains("{uuid}", StringComparison.Ordinal);

    /// <summary>The object's uuid from the input's <c>id</c>.</summary>
    public static string ObjectUuid(WriteDescriptor write, IReadOnlyDictionary<string, object?> input) =>
        UuidOf(input.TryGetValue(IdArgument, out var id) ? id as string : null, write.TypeName, IdArgument);

    public static string Path(WriteDescriptor write, IReadOnlyDictionary<string, object?> input) =>
        TakesId(write) ? write.Path.Replace("{uuid}", ObjectUuid(write, input), StringComparison.Ordinal) : write.Path;

    /// <summary>The JSON body, or null for a write that takes none (a <c>DELETE</c>, an action without input fields).</summary>
    public static byte[]? Body(WriteDescriptor write, IReadOnlyDictionary<string, object?> input, ListResources resources, Uri waldurRoot)
    {
        if (write.Input.Count == 0)
            return write.Method == "POST" ? "{}"u8.ToArray() : null;
        return JsonSerializer.SerializeToUtf8Bytes(Object(write.Input, input, resources, waldurRoot, []));
    }

    private static JsonObject Object(IReadOnlyList<InputFieldDescriptor> fields, IReadOnlyDictionary<string, object?> input, ListResources resources,
        Uri waldurRoot, IReadOnlyList<string> path)
    {
        var body = new JsonObject();
        foreach (var field in fields)
        {
            if (input.TryGetValue(field.Name, out var value))
                body[field.JsonName] = Value(field, value, resources, waldurRoot, [.. path, field.Name]);
        }
        return body;
    }

    private static JsonNode? Value(InputFieldDescriptor field, object? value, ListResources resources, Uri waldurRoot, IReadOnlyList<string> path)
    {
        if (value is null)
            return null;
        if (field.IsList && value is not string && value is IEnumerable<object?> items)
            return new JsonArray([.. items.Select(i => Value(field with { IsList = false }, i, resources, waldurRoot, path))]);
        if (field.ReferenceType is { } type && resources.TryGet(type, out var target))
            return JsonValue.Create(new Uri(waldurRoot, $"{target.Descriptor.Path}{UuidOf(value as string, type, string.Join('.', path))}/").AbsoluteUri);
        if (field.Fields is { } nested && value is IReadOnlyDictionary<string, object?> inner)
            return Object(nested, inner, resources, waldurRoot, path);
        if (field.Kind is ValueKind.Json or ValueKind.Object && value is string text)
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                throw new GatewayException(ErrorCodes.ValidationFailed, $"Input field `{string.Join('.', path)}` is not JSON text.");
            }
        }
        return value switch
        {
            DateTimeOffset moment => JsonValue.Create(moment.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
            _ => JsonSerializer.SerializeToNode(value),
        };
    }

    /// <summary>A uuid from a global id of <paramref name="typeName"/> or a uuid in any spelling Waldur accepts.</summary>
    private static string UuidOf(string? value, string typeName, string field)
    {
        if (NodeId.TryDecode(value, out var node))
            return node.TypeName == typeName
                ? node.Uuid
                : throw new GatewayException(ErrorCodes.IdInvalid, $"`{field}` is the id of a {node.TypeName}, not of a {typeName}.");
        return WaldurUuid.TryNormalize(value, out var uuid)
            ? uuid
            : throw new GatewayException(ErrorCodes.IdInvalid, $"`{field}` is neither a {typeName} id nor a uuid.");
    }
}
