using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Waldur.Catalog.Model;

namespace Waldur.Catalog.Generator;

/// <summary>
/// The reviewed writes (issue 22): Waldur's OpenAPI operations plus the <c>writes</c> overrides → one
/// <see cref="WriteDescriptor"/> per entry, in the overrides' order (README: "Writes"). Pure, like <see cref="CatalogBuilder"/>;
/// anything an override names that the spec or the reviewed catalog lacks is an error.
/// </summary>
public static partial class WritesBuilder
{
    public static IReadOnlyList<WriteDescriptor> Build(OpenApiDocument document, CatalogOverrides overrides, IReadOnlyList<ResourceDescriptor> reviewed)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(reviewed);
        var operations = Operations(document);
        var types = reviewed.ToDictionary(r => r.TypeName, StringComparer.Ordinal);
        var writes = overrides.Writes.Select(o => BuildWrite(o, operations, types)).ToList();
        CatalogBuilder.CheckUnique(writes, w => w.Name, "write name");
        CheckEnumTypes(writes, reviewed);
        return writes;
    }

    private sealed record Op(string Method, string Path, OpenApiOperation Operation);

    private static Dictionary<string, Op> Operations(OpenApiDocument document)
    {
        var ops = new Dictionary<string, Op>(StringComparer.Ordinal);
        foreach (var (path, item) in document.Paths ?? [])
        {
            foreach (var (method, op) in item.Operations ?? [])
            {
                if (op.OperationId is { } id)
                {
                    ops[id] = new Op(method.Method.ToUpperInvariant(), path, op);
                }
            }
        }

        return ops;
    }

    private static WriteDescriptor BuildWrite(WriteOverride o, Dictionary<string, Op> operations, Dictionary<string, ResourceDescriptor> types)
    {
        var at = $"writes[\"{o.OperationId}\"]";
        if (!operations.TryGetValue(o.OperationId, out var op))
        {
            throw new CatalogException($"{at}: the spec has no operation \"{o.OperationId}\".");
        }

        if (!types.TryGetValue(o.TypeName, out var resource))
        {
            throw new CatalogException($"{at}: typeName \"{o.TypeName}\" is not a reviewed catalog resource ({string.Join(", ", types.Keys)}).");
        }

        if (!LowerCamelName().IsMatch(o.Name))
        {
            throw new CatalogException($"{at}: name \"{o.Name}\" is not a GraphQL field name in lowerCamelCase (verbNoun).");
        }

        var payloadField = o.PayloadField ?? Naming.LowerCamel(o.TypeName);
        if (!LowerCamelName().IsMatch(payloadField))
        {
            throw new CatalogException($"{at}: payloadField \"{payloadField}\" is not a GraphQL field name in lowerCamelCase.");
        }

        var hasUuid = op.Path.Contains("{uuid}", StringComparison.Ordinal);
        var (methodsOk, pathOk) = o.Kind switch
        {
            WriteKind.Create => (op.Method == "POST", !hasUuid),
            WriteKind.Update => (op.Method is "PATCH" or "PUT", hasUuid),
            WriteKind.Delete => (op.Method == "DELETE", hasUuid),
            _ => (op.Method == "POST", hasUuid),
        };
        if (!methodsOk || !pathOk)
        {
            throw new CatalogException($"{at}: {op.Method} {op.Path} is not a {o.Kind} (Create: POST to a collection; Update: PATCH/PUT, Delete: DELETE, Action: POST, each on a `{{uuid}}` path).");
        }

        var otherParameters = Regex.Matches(op.Path, "\\{([^}]+)\\}").Select(m => m.Groups[1].Value).Where(p => p != "uuid").ToList();
        if (otherParameters.Count > 0)
        {
            throw new CatalogException($"{at}: {op.Path} has path parameters other than {{uuid}} ({string.Join(", ", otherParameters)}), which a write cannot fill.");
        }

        var body = RequestBody(op.Operation);
        var input = body is null ? [] : BuildInput(at, o, body, "", types, resource);
        var unused = o.Fields.Keys.Where(k => !Visited(input, k, o)).ToList();
        if (unused.Count > 0)
        {
            throw new CatalogException($"{at}: fields override {string.Join(", ", unused.Select(k => $"\"{k}\""))}, which {o.OperationId}'s request body does not have.");
        }

        var asynchronous = o.Asynchronous ?? op.Operation.Responses?.ContainsKey("202") == true;
        return new WriteDescriptor(
            Name: o.Name,
            OperationId: o.OperationId,
            Method: op.Method,
            Path: op.Path.TrimStart('/'),
            Kind: o.Kind,
            TypeName: o.TypeName,
            PayloadField: payloadField,
            Description: o.Description ?? DefaultDescription(op, o.Kind, resource.Noun),
            Input: input,
            Asynchronous: asynchronous,
            Idempotent: o.Idempotent,
            Source: o.Source);
    }

    /// <summary>Whether an override key names a property of the body (omitted ones included).</summary>
    private static bool Visited(IReadOnlyList<InputFieldDescriptor> input, string key, WriteOverride o)
    {
        if (o.Fields[key].Omit)
        {
            return true; // checked against the schema while building
        }

        var parts = key.Split('.');
        IReadOnlyList<InputFieldDescriptor>? level = input;
        InputFieldDescriptor? found = null;
        foreach (var part in parts)
        {
            found = level?.FirstOrDefault(f => f.JsonName == part);
            if (found is null)
            {
                return false;
            }

            level = found.Fields;
        }

        return found is not null;
    }

    private static IOpenApiSchema? RequestBody(OpenApiOperation operation) =>
        operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true ? media.Schema : null;

    /// <summary>The properties of an object schema, following <c>$ref</c> and merging <c>allOf</c>, with its <c>required</c> names.</summary>
    private static (List<KeyValuePair<string, IOpenApiSchema>> Properties, HashSet<string> Required) ObjectShape(IOpenApiSchema schema)
    {
        var properties = new List<KeyValuePair<string, IOpenApiSchema>>();
        var required = new HashSet<string>(StringComparer.Ordinal);
        void Add(IOpenApiSchema s)
        {
            foreach (var part in s.AllOf ?? [])
            {
                Add(part);
            }

            foreach (var p in s.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                if (!properties.Any(x => x.Key == p.Key))
                {
                    properties.Add(p);
                }
            }

            foreach (var r in s.Required ?? new HashSet<string>())
            {
                required.Add(r);
            }
        }

        Add(schema);
        return (properties, required);
    }

    /// <summary>An object with its own properties, reached directly (not through <c>oneOf</c>/<c>anyOf</c>, which Waldur uses for "depends on the offering").</summary>
    private static IOpenApiSchema? NestedObject(IOpenApiSchema schema)
    {
        if (schema.AllOf is { Count: 1 } allOf && schema.Properties is not { Count: > 0 })
        {
            return NestedObject(allOf[0]);
        }

        if (schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 })
        {
            return null;
        }

        return schema.Properties is { Count: > 0 } || schema.AllOf is { Count: > 1 } ? schema : null;
    }

    private static List<InputFieldDescriptor> BuildInput(string at, WriteOverride o, IOpenApiSchema schema, string prefix, Dictionary<string, ResourceDescriptor> types,
        ResourceDescriptor? resource)
    {
        var (properties, required) = ObjectShape(schema);
        foreach (var key in o.Fields.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && !k[prefix.Length..].Contains('.', StringComparison.Ordinal)))
        {
            if (!properties.Any(p => p.Key == key[prefix.Length..]))
            {
                throw new CatalogException($"{at}: fields override \"{key}\", which {o.OperationId}'s request body does not have.");
            }
        }

        var input = new List<InputFieldDescriptor>();
        foreach (var (jsonName, property) in properties)
        {
            var path = prefix + jsonName;
            o.Fields.TryGetValue(path, out var fo);
            if (fo?.Omit == true || property.ReadOnly)
            {
                continue;
            }
            // A file upload (multipart) cannot be sent in a JSON body.
            if (string.Equals(Leaf(property).Format, "binary", StringComparison.Ordinal))
            {
                continue;
            }

            var nested = NestedObject(Leaf(property, arrays: true));
            var (kind, isList, _) = CatalogBuilder.Classify(property, new Dictionary<string, string>());
            IReadOnlyList<InputFieldDescriptor>? fields = null;
            if (nested is not null)
            {
                fields = BuildInput(at, o, nested, path + ".", types, null);
                kind = ValueKind.Json;
            }

            var enumShape = kind == ValueKind.String ? CatalogBuilder.EnumOf(property) : null;
            var enumValues = enumShape?.Values;
            var enumType = enumShape?.Type;
            var leaf = Leaf(property, arrays: true);
            if (enumShape is null && kind == ValueKind.String && leaf.Enum is { Count: > 0 } inline)
            {
                enumValues = inline.Select(EnumText).OfType<string>().Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
                enumType = Naming.Capitalise(o.Name) + Naming.Capitalise(Naming.CamelCase(jsonName)) + "Enum";
            }

            if (fo?.EnumType is { } renamed)
            {
                enumType = enumValues is null ? throw new CatalogException($"{at}: field \"{path}\" renames its enum type, but it is no string enum.") : renamed;
            }

            string? reference = null;
            if (kind == ValueKind.String && !isList && string.Equals(leaf.Format, "uri", StringComparison.Ordinal)
                && types.ContainsKey(Naming.Capitalise(Naming.CamelCase(jsonName))))
            {
                reference = Naming.Capitalise(Naming.CamelCase(jsonName));
            }

            if (fo?.Reference is { } r)
            {
                reference = r.Length == 0 ? null : r;
                if (reference is not null)
                {
                    if (!types.TryGetValue(reference, out var target))
                    {
                        throw new CatalogException($"{at}: field \"{path}\" references \"{reference}\", which is not a reviewed catalog resource.");
                    }

                    if (kind != ValueKind.String || enumValues is not null)
                    {
                        throw new CatalogException($"{at}: field \"{path}\" references {reference}, but it is no string (a URL).");
                    }

                    if (target.RetrieveOperationId is null)
                    {
                        throw new CatalogException($"{at}: field \"{path}\" references {reference}, which has no `{{uuid}}/` URL to give.");
                    }
                }
            }

            if (fo?.Url is { } url)
            {
                CheckUrlTemplate($"{at}: field \"{path}\"", url, properties.Select(p => p.Key).Where(k => k != jsonName).ToList(), o, resource);
            }

            var description = fo?.Description
                ?? (!string.IsNullOrWhiteSpace(property.Description) ? property.Description.Trim()
                    : !string.IsNullOrWhiteSpace(leaf.Description) ? leaf.Description.Trim()
                    : resource?.Fields.FirstOrDefault(f => f.JsonName == jsonName && !f.Description.Contains("does not describe it", StringComparison.Ordinal)) is { } read
                        ? read.Description
                    : !string.IsNullOrWhiteSpace(property.Title) ? property.Title.Trim()
                    : $"Waldur's `{jsonName}` (its schema does not describe it).");
            if (reference is not null && fo?.Description is null)
            {
                description = $"{description.TrimEnd('.')}: a {reference}, by global id or uuid (sent to Waldur as its URL).";
            }
            else if (fo?.Url is not null && fo.Description is null)
            {
                description = $"{description.TrimEnd('.')}: by uuid (sent to Waldur as its URL).";
            }

            input.Add(new InputFieldDescriptor(
                Name: fo?.Name ?? Naming.NotRelayId(Naming.CamelCase(jsonName)),
                JsonName: jsonName,
                Kind: kind,
                Required: fo?.Required ?? required.Contains(jsonName),
                Description: description,
                IsList: isList,
                ReferenceType: reference,
                EnumValues: enumValues,
                EnumType: enumType,
                Fields: fields,
                MaxLength: property.MaxLength ?? leaf.MaxLength,
                UrlTemplate: fo?.Url));
        }

        if (input.Select(f => f.Name).Contains("id", StringComparer.Ordinal))
        {
            throw new CatalogException($"{at}: an input field is named \"id\" (reserved for the object's global id).");
        }

        CatalogBuilder.CheckUnique(input, f => f.Name, $"{at} input field name");
        return input;
    }

    /// <summary>
    /// A URL template names <c>{uuid}</c> (the value) and otherwise only a sibling property (its uuid) or, for a write on
    /// one object, a <c>name_uuid</c> field of that object; it is a path under Waldur's root ending in <c>/</c>.
    /// </summary>
    private static void CheckUrlTemplate(string at, string template, IReadOnlyList<string> siblings, WriteOverride o, ResourceDescriptor? resource)
    {
        if (template.StartsWith('/') || !template.EndsWith('/') || !template.Contains("{uuid}", StringComparison.Ordinal))
        {
            throw new CatalogException($"{at}: url \"{template}\" must be a path under Waldur's root (no leading /), end in / and hold {{uuid}}.");
        }

        var onObject = o.Kind != WriteKind.Create;
        foreach (var name in Regex.Matches(template, "\\{([^}]+)\\}").Select(m => m.Groups[1].Value).Where(n => n != "uuid"))
        {
            var fromObject = onObject && resource?.Fields.Any(f => f.JsonName == name + "_uuid") == true;
            if (!siblings.Contains(name) && !fromObject)
            {
                throw new CatalogException($"{at}: url \"{template}\" names {{{name}}}, which is neither a property beside it nor a {name}_uuid of the written object.");
            }
        }
    }

    /// <summary>The schema a property's value has, through <c>$ref</c> and a one-element <c>allOf</c> (and array items).</summary>
    private static IOpenApiSchema Leaf(IOpenApiSchema schema, bool arrays = false)
    {
        while (true)
        {
            if (schema is OpenApiSchemaReference { Target: { } target })
            {
                schema = target;
            }
            else if (schema.AllOf is { Count: 1 } allOf && schema.Properties is not { Count: > 0 })
            {
                schema = allOf[0];
            }
            else if (arrays && schema.Type?.HasFlag(JsonSchemaType.Array) == true && schema.Items is { } items)
            {
                schema = items;
            }
            else
            {
                return schema;
            }
        }
    }

    private static string? EnumText(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString();

    private static string DefaultDescription(Op op, WriteKind kind, string noun)
    {
        var text = !string.IsNullOrWhiteSpace(op.Operation.Description) ? op.Operation.Description.Trim()
            : !string.IsNullOrWhiteSpace(op.Operation.Summary) ? op.Operation.Summary.Trim()
            : null;
        if (text is not null)
        {
            return text;
        }

        var action = op.Path.TrimEnd('/').Split('/')[^1];
        return kind switch
        {
            WriteKind.Create => $"Creates a {noun} (`{op.Method} {op.Path}`).",
            WriteKind.Update => $"Updates a {noun} (`{op.Method} {op.Path}`).",
            WriteKind.Delete => $"Deletes a {noun} (`{op.Method} {op.Path}`).",
            _ => $"Runs `{action}` on a {noun} (`{op.Method} {op.Path}`).",
        };
    }

    /// <summary>An input enum name means one value set across writes and the reviewed catalog, and is no resource type.</summary>
    private static void CheckEnumTypes(List<WriteDescriptor> writes, IReadOnlyList<ResourceDescriptor> reviewed)
    {
        var typeNames = reviewed.Select(r => r.TypeName).ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<string, (IReadOnlyList<string> Values, string Where)>(StringComparer.Ordinal);
        foreach (var r in reviewed)
        {
            foreach (var f in r.Fields)
            {
                if (f.EnumType is not null && f.EnumValues is not null)
                {
                    seen.TryAdd(f.EnumType, (f.EnumValues, $"{r.TypeName}.{f.Name}"));
                }
            }
        }

        void Check(IEnumerable<InputFieldDescriptor> fields, string where)
        {
            foreach (var f in fields)
            {
                if (f.Fields is not null)
                {
                    Check(f.Fields, $"{where}.{f.Name}");
                }

                if (f.EnumType is null || f.EnumValues is null)
                {
                    continue;
                }

                var at = $"{where}.{f.Name}";
                if (typeNames.Contains(f.EnumType))
                {
                    throw new CatalogException($"{at}: its enum type \"{f.EnumType}\" is also a resource type; rename it with \"enumType\".");
                }

                if (!seen.TryAdd(f.EnumType, (f.EnumValues, at)) && !seen[f.EnumType].Values.SequenceEqual(f.EnumValues, StringComparer.Ordinal))
                {
                    throw new CatalogException($"{at}: its enum type \"{f.EnumType}\" has other values than {seen[f.EnumType].Where}'s; rename it with \"enumType\".");
                }
            }
        }

        foreach (var w in writes)
        {
            Check(w.Input, w.Name);
        }
    }

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$")]
    private static partial Regex LowerCamelName();
}
