using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Waldur.Catalog.Model;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Types.Relay;

namespace Waldur.GraphGateway.Types.Mutations;

/// <summary>
/// A mutation's input as the Waldur request it stands for: the object's id (a global id of the right type, or a uuid)
/// fills the path's <c>{uuid}</c>; references become the URLs Waldur expects (<c>{Waldur}/api/customers/{uuid}/</c>, or
/// the field's URL template filled from the value, a reference beside it, or the written object's <c>name_uuid</c>);
/// enums are already Waldur's values; JSON fields are parsed from their text. Only the fields given are sent, so a
/// <c>PATCH</c> changes exactly those.
/// </summary>
internal static partial class WriteRequests
{
    public const string IdArgument = "id";

    /// <summary>Whether the input has the object's <c>id</c>: a write of a catalog resource whose path names one.</summary>
    public static bool TakesId(WriteDescriptor write) =>
        write.TypeName is not null && write.Path.Contains("{uuid}", StringComparison.Ordinal);

    /// <summary>Whether the mutation takes an <c>input</c>: an object id, a path parameter or a body field.</summary>
    public static bool HasInput(WriteDescriptor write) => TakesId(write) || write.PathParameters is { Count: > 0 } || write.Input.Count > 0;

    /// <summary>The input field of a path parameter that is no object id: <c>customer_uuid</c> → <c>customerUuid</c>; Waldur's
    /// <c>{id}</c> is <c>waldurId</c>, since Relay clients read any <c>id</c> as a global id.</summary>
    public static string ParameterField(string parameter)
    {
        var parts = parameter.Split('_', StringSplitOptions.RemoveEmptyEntries);
        var name = string.Concat(parts.Select((p, i) => i == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
        return name == IdArgument ? "waldurId" : name;
    }

    /// <summary>A path parameter that names an object by uuid (<c>{uuid}</c>, <c>{obj_uuid}</c>): it takes a global id too.</summary>
    public static bool IsUuidParameter(string parameter) => parameter == "uuid" || parameter.EndsWith("_uuid", StringComparison.Ordinal);

    /// <summary>The object's uuid from the input's <c>id</c>.</summary>
    public static string ObjectUuid(WriteDescriptor write, IReadOnlyDictionary<string, object?> input) =>
        UuidOf(input.TryGetValue(IdArgument, out var id) ? id as string : null, write.TypeName, IdArgument);

    /// <summary>The path with the object's uuid and the other path parameters (escaped) filled in.</summary>
    public static string Path(WriteDescriptor write, IReadOnlyDictionary<string, object?> input)
    {
        var path = TakesId(write) ? write.Path.Replace("{uuid}", ObjectUuid(write, input), StringComparison.Ordinal) : write.Path;
        foreach (var parameter in write.PathParameters ?? [])
        {
            var value = input.TryGetValue(ParameterField(parameter), out var given) ? given as string : null;
            if (string.IsNullOrEmpty(value))
            {
                throw new GatewayException(ErrorCodes.ValidationFailed, $"Input field `{ParameterField(parameter)}` is empty.");
            }
            // A uuid parameter takes the object's global id too (its type is not checked: Waldur's 404 answers a wrong one).
            if (IsUuidParameter(parameter) && NodeId.TryDecode(value, out var node))
            {
                value = node.Uuid;
            }

            path = path.Replace("{" + parameter + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        return path;
    }

    /// <summary>
    /// The written object's fields (JSON names, <c>name_uuid</c>) that the given input's URL templates need because no
    /// reference beside them names that object: the resolver reads the object first to fill them.
    /// </summary>
    public static IReadOnlyList<string> ObjectFieldsNeeded(WriteDescriptor write, IReadOnlyDictionary<string, object?> input) =>
        [.. write.Input.Where(f => f.UrlTemplate is not null && input.ContainsKey(f.Name))
            .SelectMany(f => Placeholders(f.UrlTemplate!).Where(name => !write.Input.Any(s => s.JsonName == name && input.ContainsKey(s.Name))))
            .Select(name => name + "_uuid").Distinct(StringComparer.Ordinal)];

    /// <summary>The JSON body, or null for a write that takes none (a <c>DELETE</c>, an action without input fields).
    /// <paramref name="objectFields"/>: what <see cref="ObjectFieldsNeeded"/> asked for, read from the object.</summary>
    public static byte[]? Body(WriteDescriptor write, IReadOnlyDictionary<string, object?> input, ListResources resources, Uri waldurRoot,
        IReadOnlyDictionary<string, string?>? objectFields = null)
    {
        if (write.Input.Count == 0)
        {
            return write.Method == "POST" ? "{}"u8.ToArray() : null;
        }

        var context = new BodyContext(resources, waldurRoot, objectFields ?? new Dictionary<string, string?>());
        return JsonSerializer.SerializeToUtf8Bytes(Object(write.Input, input, context, []));
    }

    private sealed record BodyContext(ListResources Resources, Uri WaldurRoot, IReadOnlyDictionary<string, string?> ObjectFields);

    private static JsonObject Object(IReadOnlyList<InputFieldDescriptor> fields, IReadOnlyDictionary<string, object?> input, BodyContext context,
        IReadOnlyList<string> path)
    {
        var body = new JsonObject();
        foreach (var field in fields)
        {
            if (input.TryGetValue(field.Name, out var value))
            {
                body[field.JsonName] = Value(field, value, fields, input, context, [.. path, field.Name]);
            }
        }
        return body;
    }

    private static JsonNode? Value(InputFieldDescriptor field, object? value, IReadOnlyList<InputFieldDescriptor> siblings,
        IReadOnlyDictionary<string, object?> input, BodyContext context, IReadOnlyList<string> path)
    {
        if (value is null)
        {
            return null;
        }

        if (field.IsList && value is not string && value is IEnumerable<object?> items)
        {
            return new JsonArray([.. items.Select(i => Value(field with { IsList = false }, i, siblings, input, context, path))]);
        }

        if (field.UrlTemplate is { } template)
        {
            return JsonValue.Create(new Uri(context.WaldurRoot, Fill(template, UuidOf(value as string, field.ReferenceType, string.Join('.', path)), siblings, input, context)).AbsoluteUri);
        }

        if (field.ReferenceType is { } type && context.Resources.TryGet(type, out var target))
        {
            return JsonValue.Create(new Uri(context.WaldurRoot, $"{target.Descriptor.Path}{UuidOf(value as string, type, string.Join('.', path))}/").AbsoluteUri);
        }

        if (field.Fields is { } nested && value is IReadOnlyDictionary<string, object?> inner)
        {
            return Object(nested, inner, context, path);
        }

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

    /// <summary>A template's <c>{uuid}</c> is the value; another <c>{name}</c> the uuid of the reference <c>name</c> given
    /// beside it, else the written object's <c>name_uuid</c>.</summary>
    private static string Fill(string template, string uuid, IReadOnlyList<InputFieldDescriptor> siblings, IReadOnlyDictionary<string, object?> input,
        BodyContext context) =>
        PlaceholderPattern().Replace(template, m =>
        {
            var name = m.Groups[1].Value;
            if (name == "uuid")
            {
                return uuid;
            }

            if (siblings.FirstOrDefault(s => s.JsonName == name) is { } sibling && input.TryGetValue(sibling.Name, out var given) && given is string text)
            {
                return UuidOf(text, sibling.ReferenceType, sibling.Name);
            }

            return context.ObjectFields.TryGetValue(name + "_uuid", out var fromObject) && fromObject is { Length: > 0 }
                ? fromObject
                : throw new GatewayException(ErrorCodes.ValidationFailed, $"The written object has no `{name}_uuid` to build `{template}` from.");
        });

    private static IEnumerable<string> Placeholders(string template) =>
        PlaceholderPattern().Matches(template).Select(m => m.Groups[1].Value).Where(n => n != "uuid");

    [GeneratedRegex("\\{([^}]+)\\}")]
    private static partial Regex PlaceholderPattern();

    /// <summary>A uuid from a global id of <paramref name="typeName"/> (when the field names a type) or a uuid in any
    /// spelling Waldur accepts.</summary>
    private static string UuidOf(string? value, string? typeName, string field)
    {
        if (typeName is not null && NodeId.TryDecode(value, out var node))
        {
            return node.TypeName == typeName
                ? node.Uuid
                : throw new GatewayException(ErrorCodes.IdInvalid, $"`{field}` is the id of a {node.TypeName}, not of a {typeName}.");
        }

        return WaldurUuid.TryNormalize(value, out var uuid)
            ? uuid
            : throw new GatewayException(ErrorCodes.IdInvalid, typeName is null ? $"`{field}` is not a uuid." : $"`{field}` is neither a {typeName} id nor a uuid.");
    }
}
