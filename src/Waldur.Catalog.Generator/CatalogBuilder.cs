using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Waldur.Catalog.Model;

namespace Waldur.Catalog.Generator;

/// <summary>
/// The pure core: Waldur's OpenAPI document plus the reviewed overrides → one <see cref="ResourceDescriptor"/> per override
/// entry, in the overrides' order. Every default is in README.md; every deviation from a default comes from an override
/// that carries a <c>source</c>. Anything the overrides name that the spec lacks is an error, not a silent skip.
/// </summary>
public static class CatalogBuilder
{
    private const string OperationIdExtension = "x-waldur-operation-id";

    public static IReadOnlyList<ResourceDescriptor> Build(OpenApiDocument document, CatalogOverrides overrides)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(overrides);
        if (overrides.Resources.Count == 0)
        {
            throw new CatalogException("overrides.json lists no resources: the catalog would be empty.");
        }

        var operationIds = AllOperationIds(document);
        var lists = overrides.Resources.Select(o => (Override: o, List: ListOperation(document, o.Path))).ToList();
        // Item schema component → GraphQL type: a $ref to one of these is a nested catalog object, not free JSON.
        var objectTypes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (o, list) in lists)
        {
            if (!objectTypes.TryAdd(list.ItemSchemaId, o.TypeName ?? list.ItemSchemaId))
            {
                throw new CatalogException($"{o.Path}: its item schema {list.ItemSchemaId} is already another entry's.");
            }
        }

        // Retrieve operation → GraphQL type: a reference to one of these is navigable (FieldDescriptor.ReferenceField).
        var catalogTargets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (o, list) in lists)
        {
            if (RetrieveOperationId(document, o.Path) is { } retrieveId)
            {
                catalogTargets[retrieveId] = o.TypeName ?? list.ItemSchemaId;
            }
        }

        var resources = lists.Select(x => BuildResource(document, x.Override, x.List, objectTypes, operationIds, catalogTargets)).ToList();
        CheckUnique(resources, r => r.TypeName, "type name");
        CheckUnique(resources, r => r.ListField, "list field");
        CheckEnumTypes(resources);
        return AddReverseConnections(resources, overrides);
    }

    internal sealed record ListOp(OpenApiOperation Operation, string ItemSchemaId, IOpenApiSchema ItemSchema);

    internal static ListOp ListOperation(OpenApiDocument document, string path)
    {
        if (document.Paths is null || !document.Paths.TryGetValue(path, out var item) || item.Operations is null
            || !item.Operations.TryGetValue(HttpMethod.Get, out var get))
        {
            throw new CatalogException($"{path}: the spec has no GET at this path (overrides keys are list paths such as \"/api/digitalocean-images/\").");
        }

        var schema = get.Responses?.TryGetValue("200", out var ok) == true && ok.Content?.TryGetValue("application/json", out var media) == true ? media.Schema : null;
        if (schema?.Type is not JsonSchemaType type || !type.HasFlag(JsonSchemaType.Array) || schema.Items is not OpenApiSchemaReference itemRef)
        {
            throw new CatalogException($"{path}: GET {get.OperationId} does not answer a JSON array of a $ref'd item schema; it is not a list.");
        }

        return new ListOp(get, itemRef.Reference.Id!, itemRef);
    }

    internal static string? RetrieveOperationId(OpenApiDocument document, string path) =>
        document.Paths!.TryGetValue(path + "{uuid}/", out var byUuid) && byUuid.Operations?.TryGetValue(HttpMethod.Get, out var retrieve) == true
            ? retrieve.OperationId
            : null;

    internal static ResourceDescriptor BuildResource(
        OpenApiDocument document, ResourceOverride o, ListOp list, Dictionary<string, string> objectTypes, HashSet<string> operationIds,
        Dictionary<string, string> catalogTargets)
    {
        var path = o.Path;
        var typeName = o.TypeName ?? list.ItemSchemaId;
        var noun = o.Noun ?? Naming.NounOf(typeName);
        var nounPlural = o.NounPlural ?? Naming.Pluralise(noun);
        var listField = o.ListField ?? Naming.Pluralise(Naming.LowerCamel(typeName));
        var retrieveId = RetrieveOperationId(document, path);
        var byUuidField = o.ByUuidField ?? (retrieveId is null ? null : Naming.LowerCamel(typeName) + "ByUuid");
        var byUuidsField = o.ByUuidsField ?? (retrieveId is null ? null : listField + "ByUuids");
        var parameters = (list.Operation.Parameters ?? []).Where(p => p.In == ParameterLocation.Query && p.Name is not null)
            .ToDictionary(p => p.Name!, StringComparer.Ordinal);

        var fields = BuildFields(o, list, noun, objectTypes, parameters, operationIds, catalogTargets);
        var byGraphQlName = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var byJsonName = fields.ToDictionary(f => f.JsonName, StringComparer.Ordinal);

        string RequireField(string name, string what) => byGraphQlName.ContainsKey(name)
            ? name
            : throw new CatalogException($"{path}: {what} names field \"{name}\", which {typeName} does not have (GraphQL names: {string.Join(", ", byGraphQlName.Keys)}).");

        IReadOnlyList<FilterDescriptor> filters;
        if (o.Filters is null)
        {
            filters = DefaultFilters(list.Operation, byJsonName);
        }
        else
        {
            foreach (var f in o.Filters)
            {
                if (!parameters.ContainsKey(f.Parameter))
                {
                    throw new CatalogException($"{path}: filter parameter \"{f.Parameter}\" is not a query parameter of {list.Operation.OperationId}.");
                }

                RequireField(f.Field, $"filter \"{f.Parameter}\"");
            }

            filters = o.Filters.Select(f => new FilterDescriptor(f.Parameter, f.Field, f.Lookup)).ToList();
        }

        var orderKeys = OrderKeys(parameters);
        IReadOnlyList<OrderDescriptor> orders;
        if (o.Orders is null)
        {
            orders = (orderKeys ?? []).Where(byJsonName.ContainsKey).Select(k => new OrderDescriptor(byJsonName[k].Name, k)).ToList();
        }
        else
        {
            foreach (var order in o.Orders)
            {
                RequireField(order.Field, $"order key \"{order.Key}\"");
                if (orderKeys is not null && !orderKeys.Contains(order.Key))
                {
                    throw new CatalogException($"{path}: order key \"{order.Key}\" is not in the spec's `o` choices ({string.Join(", ", orderKeys)}).");
                }
            }

            orders = o.Orders.Select(x => new OrderDescriptor(x.Field, x.Key)).ToList();
        }

        if (o.Batch is { } batch && !parameters.ContainsKey(batch.Value.Parameter))
        {
            throw new CatalogException($"{path}: batch parameter \"{batch.Value.Parameter}\" is not a query parameter of {list.Operation.OperationId}.");
        }

        var defaultOrder = o.DefaultOrder is null ? null : RequireField(o.DefaultOrder.Value, "defaultOrder");

        return new ResourceDescriptor(
            TypeName: typeName,
            Description: o.Description ?? (string.IsNullOrWhiteSpace(list.ItemSchema.Description)
                ? $"A {noun} as Waldur's `{path}` lists it."
                : list.ItemSchema.Description.Trim()),
            Noun: noun,
            NounPlural: nounPlural,
            Path: path.TrimStart('/'),
            Tag: Tag(list.Operation),
            ListOperationId: list.Operation.OperationId ?? throw new CatalogException($"{path}: the list operation has no operationId."),
            RetrieveOperationId: retrieveId,
            ListField: listField,
            ListDescription: o.ListDescription ?? $"{Naming.Capitalise(nounPlural)} from `{path}`, filtered, sorted and paged (HotChocolate conventions).",
            ByUuidField: byUuidField,
            ByUuidsField: byUuidsField,
            Paged: parameters.ContainsKey("page"),
            Fields: fields,
            Filters: filters,
            Orders: orders,
            DefaultOrder: defaultOrder,
            Batch: o.Batch?.Value,
            ReverseConnections: [],
            ScanForLookups: o.ScanForLookups?.Value ?? false,
            SparseFields: parameters.ContainsKey("field"));
    }

    private static List<FieldDescriptor> BuildFields(
        ResourceOverride o, ListOp list, string noun, Dictionary<string, string> objectTypes,
        Dictionary<string, IOpenApiParameter> parameters, HashSet<string> operationIds, Dictionary<string, string> catalogTargets)
    {
        var properties = list.ItemSchema.Properties ?? new Dictionary<string, IOpenApiSchema>();
        var required = list.ItemSchema.Required ?? new HashSet<string>();
        foreach (var name in o.Fields.Keys.Concat(o.FieldOrder))
        {
            if (!properties.ContainsKey(name))
            {
                throw new CatalogException($"{o.Path}: overrides name property \"{name}\", which {list.ItemSchemaId} does not have.");
            }
        }

        var fieldChoices = FieldChoices(parameters);
        var fields = new List<FieldDescriptor>();
        foreach (var (jsonName, schema) in properties)
        {
            var (kind, isList, objectType) = Classify(schema, objectTypes);
            o.Fields.TryGetValue(jsonName, out var fo);
            var enumShape = kind == ValueKind.String ? EnumOf(schema) : null;
            var enumType = enumShape?.Type;
            if (fo?.EnumType is { } renamedEnum)
            {
                enumType = enumShape is null
                    ? throw new CatalogException($"{o.Path}: field \"{jsonName}\" renames its enum type, but its schema is not a $ref to an enum component.")
                    : renamedEnum;
            }

            var nullable = fo?.Nullable
                ?? (!required.Contains(jsonName) || schema.Type?.HasFlag(JsonSchemaType.Null) == true || enumShape?.AllowsNullOrBlank == true);
            var description = fo?.Description ?? DefaultDescription(jsonName, schema, noun);
            string? reference = DefaultReference(jsonName, kind, isList, parameters);
            if (fo?.Reference is { } r)
            {
                reference = r.Length == 0 ? null : r;
                if (reference is not null && !operationIds.Contains(reference))
                {
                    throw new CatalogException($"{o.Path}: field \"{jsonName}\" references operation \"{reference}\", which the spec does not have.");
                }
            }

            fields.Add(new FieldDescriptor(
                Name: fo?.Name ?? Naming.NotRelayId(Naming.CamelCase(jsonName)),
                JsonName: jsonName,
                Kind: kind,
                Nullable: nullable,
                Description: description,
                IsList: isList,
                ObjectType: objectType,
                Filterable: fo?.Filterable ?? kind != ValueKind.Json,
                Sortable: fo?.Sortable ?? (!isList && kind is not (ValueKind.Json or ValueKind.Object)),
                FilterDescription: fo?.FilterDescription,
                ReferenceOperationId: reference,
                ReferenceFromUrl: fo?.ReferenceFromUrl ?? false,
                EnumValues: enumShape?.Values,
                EnumType: enumType,
                Projectable: fieldChoices is null || fieldChoices.Contains(jsonName)));
        }

        fields = AddReferenceFields(o, fields, catalogTargets);
        // `id` is the gateway's Relay global id (`ID!` of a Node); Waldur's own `id` is `waldurId` (Naming.NotRelayId).
        if (fields.Select(f => f.Name).Concat(fields.Select(f => f.ReferenceField).OfType<string>()).Contains("id", StringComparer.Ordinal))
        {
            throw new CatalogException($"{o.Path}: a field is named \"id\" by an override; only the Relay global id is named \"id\" (Waldur's own is \"{Naming.WaldurId}\").");
        }

        CheckUnique(fields, f => f.Name, $"{o.Path} field name");
        CheckUnique(fields.Select(f => f.Name).Concat(fields.Select(f => f.ReferenceField).OfType<string>()), n => n, $"{o.Path} field or reference field name");
        static int Rank(FieldDescriptor f) => f.JsonName switch
        {
            "uuid" => 0,
            "url" => 1,
            _ => f.IsList || f.Kind is ValueKind.Object or ValueKind.Json ? 3 : 2,
        };
        // OrderBy is stable: within a rank, spec order.
        var ordered = fields.OrderBy(Rank).ToList();
        var explicitOrder = o.FieldOrder.Select(n => ordered.Single(f => f.JsonName == n)).ToList();
        return [.. explicitOrder, .. ordered.Where(f => !o.FieldOrder.Contains(f.JsonName, StringComparer.Ordinal))];
    }

    /// <summary>What one value of a property is: kind, whether it is an array, and the catalog type of a nested object.</summary>
    public static (ValueKind Kind, bool IsList, string? ObjectType) Classify(IOpenApiSchema schema, IReadOnlyDictionary<string, string> objectTypes)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(objectTypes);
        if (schema is OpenApiSchemaReference reference)
        {
            if (reference.Reference.Id is { } id && objectTypes.TryGetValue(id, out var objectType))
            {
                return (ValueKind.Object, false, objectType);
            }

            var target = reference.Target;
            if (target is null)
            {
                return (ValueKind.Json, false, null);
            }

            if (target.Enum is { Count: > 0 })
            {
                return (target.Type?.HasFlag(JsonSchemaType.Integer) == true ? ValueKind.Int : ValueKind.String, false, null);
            }

            return Classify(target, objectTypes);
        }

        if (schema.AllOf is { Count: 1 } allOf)
        {
            return Classify(allOf[0], objectTypes);
        }
        // oneOf [SomeEnum, BlankEnum, NullEnum]: the real enum (blank and null only make the field nullable).
        if (schema.OneOf is { Count: > 0 } oneOf && oneOf.Where(x => !IsNullOrBlankEnum(x)).ToList() is [var only])
        {
            return Classify(only, objectTypes);
        }

        var type = schema.Type ?? 0;
        if (type.HasFlag(JsonSchemaType.Array))
        {
            if (schema.Items is null)
            {
                return (ValueKind.Json, false, null);
            }

            var (kind, isList, objectType) = Classify(schema.Items, objectTypes);
            return isList ? (ValueKind.Json, false, null) : (kind, true, objectType);
        }

        if (type.HasFlag(JsonSchemaType.Object) || schema.Properties is { Count: > 0 } || schema.AdditionalProperties is not null)
        {
            return (ValueKind.Json, false, null);
        }

        if (type.HasFlag(JsonSchemaType.Boolean))
        {
            return (ValueKind.Boolean, false, null);
        }

        if (type.HasFlag(JsonSchemaType.Integer))
        {
            return (ValueKind.Int, false, null);
        }

        if (type.HasFlag(JsonSchemaType.Number))
        {
            return (ValueKind.Float, false, null);
        }

        if (type.HasFlag(JsonSchemaType.String))
        {
            return (string.Equals(schema.Format, "date-time", StringComparison.Ordinal) ? ValueKind.DateTime : ValueKind.String, false, null);
        }

        return schema.Enum is { Count: > 0 } ? (ValueKind.String, false, null) : (ValueKind.Json, false, null);
    }

    /// <summary>A string enum component a property names: its values in spec order, its component name, and whether the property also allows null or "".</summary>
    public sealed record EnumShape(IReadOnlyList<string> Values, string Type, bool AllowsNullOrBlank);

    /// <summary>
    /// The enum of a property that is (or is a one-element <c>allOf</c> of, or an array of) a <c>$ref</c> to a string enum
    /// component, or a <c>oneOf</c> of one such <c>$ref</c> and null/blank enums (<c>NullEnum</c>, <c>BlankEnum</c>); else null.
    /// </summary>
    public static EnumShape? EnumOf(IOpenApiSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (schema is OpenApiSchemaReference reference)
        {
            var target = reference.Target;
            if (target?.Enum is not { Count: > 0 } values || IsNullOrBlankEnum(reference) || target.Type?.HasFlag(JsonSchemaType.Integer) == true
                || target.Type?.HasFlag(JsonSchemaType.Number) == true || reference.Reference.Id is not { } id)
            {
                return null;
            }

            var texts = values.Select(EnumText).ToList();
            var real = texts.Where(t => !string.IsNullOrEmpty(t)).Select(t => t!).Distinct(StringComparer.Ordinal).ToList();
            return new EnumShape(real, id, real.Count < texts.Count);
        }

        if (schema.AllOf is { Count: 1 } allOf)
        {
            return EnumOf(allOf[0]);
        }

        if (schema.OneOf is { Count: > 0 } oneOf)
        {
            var real = oneOf.Where(x => !IsNullOrBlankEnum(x)).ToList();
            return real is [var only] && EnumOf(only) is { } shape
                ? shape with { AllowsNullOrBlank = shape.AllowsNullOrBlank || real.Count < oneOf.Count }
                : null;
        }

        return schema.Type?.HasFlag(JsonSchemaType.Array) == true && schema.Items is { } items && EnumOf(items) is { } itemShape
            ? itemShape with { AllowsNullOrBlank = false }
            : null;
    }

    private static string? EnumText(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString();

    /// <summary>An enum whose values are all null or "" (<c>NullEnum</c>, <c>BlankEnum</c>): it only makes a <c>oneOf</c> nullable.</summary>
    private static bool IsNullOrBlankEnum(IOpenApiSchema schema)
    {
        var target = schema is OpenApiSchemaReference r ? r.Target : schema;
        if (target is null)
        {
            return false;
        }
        // The reader drops the null of `NullEnum: enum: [null]`, leaving an enum-less schema with no type but null.
        if (target.Enum is not { Count: > 0 } values)
        {
            return schema is OpenApiSchemaReference && (target.Type ?? JsonSchemaType.Null) == JsonSchemaType.Null && target.Properties is not { Count: > 0 };
        }

        return values.All(v => string.IsNullOrEmpty(EnumText(v)));
    }

    /// <summary>
    /// Makes references to catalog resources navigable: a field whose <see cref="FieldDescriptor.ReferenceOperationId"/> is the
    /// retrieve operation of a catalog resource gets <see cref="FieldDescriptor.ReferenceField"/> (<c>project_uuid</c> →
    /// <c>project</c>; a URL reference <c>customer</c> → <c>customer</c>; an override's <c>referenceField</c> wins). A property
    /// that already has that GraphQL name (typically the target's URL) is renamed <c>&lt;name&gt;Url</c>.
    /// </summary>
    private static List<FieldDescriptor> AddReferenceFields(ResourceOverride o, List<FieldDescriptor> fields, Dictionary<string, string> catalogTargets)
    {
        var withReferences = fields.Select(f =>
        {
            o.Fields.TryGetValue(f.JsonName, out var fo);
            if (f.ReferenceOperationId is null || !catalogTargets.ContainsKey(f.ReferenceOperationId))
            {
                if (fo?.ReferenceField is not null || f.ReferenceFromUrl)
                {
                    throw new CatalogException($"{o.Path}: field \"{f.JsonName}\" names a reference field or a URL reference, but the resource it references ({f.ReferenceOperationId ?? "none"}) is not in the catalog.");
                }

                return f;
            }

            string? name = fo?.ReferenceField;
            if (name is null && f.ReferenceFromUrl)
            {
                name = Naming.CamelCase(f.JsonName);
            }

            if (name is null && f.JsonName.EndsWith("_uuid", StringComparison.Ordinal))
            {
                name = Naming.CamelCase(f.JsonName[..^"_uuid".Length]);
            }

            return name is null
                ? throw new CatalogException($"{o.Path}: field \"{f.JsonName}\" references {catalogTargets[f.ReferenceOperationId]} but is neither `<x>_uuid` nor a URL reference: give it a \"referenceField\".")
                : f with { ReferenceField = name };
        }).ToList();

        var referenceNames = withReferences.Select(f => f.ReferenceField).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return withReferences.Select(f =>
        {
            if (!referenceNames.Contains(f.Name))
            {
                return f;
            }

            if (o.Fields.TryGetValue(f.JsonName, out var fo) && fo.Name is not null)
            {
                throw new CatalogException($"{o.Path}: field \"{f.JsonName}\" is named \"{f.Name}\" by an override, which is also a reference field's name.");
            }

            return f with { Name = f.Name + "Url" };
        }).ToList();
    }

    /// <summary>A GraphQL enum name means one set of values, and is not also a resource type.</summary>
    internal static void CheckEnumTypes(List<ResourceDescriptor> resources)
    {
        var typeNames = resources.Select(r => r.TypeName).ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<string, (IReadOnlyList<string> Values, string Where)>(StringComparer.Ordinal);
        foreach (var r in resources)
        {
            foreach (var f in r.Fields)
            {
                if (f.EnumType is null || f.EnumValues is null)
                {
                    continue;
                }

                var where = $"{r.TypeName}.{f.Name}";
                if (typeNames.Contains(f.EnumType))
                {
                    throw new CatalogException($"{where}: its enum type \"{f.EnumType}\" is also a resource type; rename it with \"enumType\".");
                }

                if (!seen.TryAdd(f.EnumType, (f.EnumValues, where)) && !seen[f.EnumType].Values.SequenceEqual(f.EnumValues, StringComparer.Ordinal))
                {
                    throw new CatalogException($"{where}: its enum type \"{f.EnumType}\" has other values than {seen[f.EnumType].Where}'s; rename one with \"enumType\".");
                }
            }
        }
    }

    private static string DefaultDescription(string jsonName, IOpenApiSchema schema, string noun) => jsonName switch
    {
        "uuid" => "Waldur's id: 32 lowercase hex digits.",
        "url" => $"The {noun}'s absolute URL in Waldur's REST API.",
        _ when !string.IsNullOrWhiteSpace(schema.Description) => schema.Description.Trim(),
        _ => $"The {noun}'s `{jsonName}` (Waldur's schema does not describe it).",
    };

    /// <summary>A <c>&lt;x&gt;_uuid</c> string points at the operation that the list's <c>&lt;x&gt;_uuid</c> or <c>&lt;x&gt;</c> parameter names.</summary>
    private static string? DefaultReference(string jsonName, ValueKind kind, bool isList, Dictionary<string, IOpenApiParameter> parameters)
    {
        if (kind != ValueKind.String || isList || !jsonName.EndsWith("_uuid", StringComparison.Ordinal))
        {
            return null;
        }

        var x = jsonName[..^"_uuid".Length];
        return OperationIdOf(parameters.GetValueOrDefault(jsonName)) ?? OperationIdOf(parameters.GetValueOrDefault(x));
    }

    internal static string? OperationIdOf(IOpenApiParameter? parameter) =>
        parameter is IOpenApiExtensible { Extensions: { } extensions }
        && extensions.TryGetValue(OperationIdExtension, out var value)
        && value is JsonNodeExtension { Node: JsonValue node }
        && node.TryGetValue<string>(out var id)
            ? id
            : null;

    /// <summary>Pushed down without an override only when unambiguous (README: "Defaults").</summary>
    private static List<FilterDescriptor> DefaultFilters(OpenApiOperation list, Dictionary<string, FieldDescriptor> byJsonName)
    {
        var filters = new List<FilterDescriptor>();
        foreach (var p in list.Parameters ?? [])
        {
            if (p.In != ParameterLocation.Query || p.Name is not { } name)
            {
                continue;
            }

            var type = p.Schema?.Type ?? 0;
            FilterDescriptor? filter = name switch
            {
                "uuid" when byJsonName.TryGetValue("uuid", out var f) => new FilterDescriptor(name, f.Name, FilterLookup.Exact),
                "name_exact" when byJsonName.TryGetValue("name", out var f) => new FilterDescriptor(name, f.Name, FilterLookup.Exact),
                _ when name.EndsWith("_uuid", StringComparison.Ordinal) && p.Schema?.Format == "uuid" && OperationIdOf(p) is not null
                       && byJsonName.TryGetValue(name, out var f) && f.Kind == ValueKind.String && !f.IsList
                    => new FilterDescriptor(name, f.Name, FilterLookup.Exact),
                _ when type.HasFlag(JsonSchemaType.Boolean) && !type.HasFlag(JsonSchemaType.Array)
                       && byJsonName.TryGetValue(name, out var f) && f.Kind == ValueKind.Boolean && !f.IsList
                    => new FilterDescriptor(name, f.Name, FilterLookup.Boolean),
                _ when byJsonName.TryGetValue(name, out var f) && f is { EnumValues: { } values, IsList: false }
                       && ParameterChoices(p.Schema) is { } choices && values.All(choices.Contains)
                    => new FilterDescriptor(name, f.Name, type.HasFlag(JsonSchemaType.Array) ? FilterLookup.RepeatedMulti : FilterLookup.Exact),
                _ => null,
            };
            if (filter is not null)
            {
                filters.Add(filter);
            }
        }

        return filters;
    }

    /// <summary>
    /// The values an enum query parameter accepts (a <c>$ref</c>'d or inline string enum, or an array of one: django-filter's
    /// ChoiceFilter and MultipleChoiceFilter), or null. An enum filter is pushed down only when it accepts every value of
    /// the property it is named after: then <c>?state=OK</c> means "state is OK", nothing else.
    /// </summary>
    private static HashSet<string>? ParameterChoices(IOpenApiSchema? schema)
    {
        if (schema is null)
        {
            return null;
        }

        if (schema.Type?.HasFlag(JsonSchemaType.Array) == true)
        {
            return schema.Items is { } items ? ParameterChoices(items) : null;
        }

        if (EnumOf(schema) is { } shape)
        {
            return shape.Values.ToHashSet(StringComparer.Ordinal);
        }

        var target = schema is OpenApiSchemaReference r ? r.Target : schema;
        return target?.Enum is { Count: > 0 } values && target.Type?.HasFlag(JsonSchemaType.String) == true
            ? values.Select(EnumText).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : null;
    }

    /// <summary>The ascending keys of the list's <c>o</c> parameter (its enum without the <c>-</c> forms), or null without <c>o</c> or its choices.</summary>
    private static List<string>? OrderKeys(Dictionary<string, IOpenApiParameter> parameters)
    {
        if (!parameters.TryGetValue("o", out var o))
        {
            return null;
        }

        var items = o.Schema?.Items ?? o.Schema;
        // `o: string` without an enum (a DRF OrderingFilter, e.g. customers) lists no choices: any key may be reviewed in.
        if (items?.Enum is not { Count: > 0 } values)
        {
            return null;
        }

        return values.Select(v => v?.GetValue<string>()).OfType<string>().Where(v => !v.StartsWith('-')).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The names <c>field=</c> accepts (its enum), or null when the list has no such parameter or it lists no choices.</summary>
    private static HashSet<string>? FieldChoices(Dictionary<string, IOpenApiParameter> parameters)
    {
        if (!parameters.TryGetValue("field", out var field))
        {
            return null;
        }

        var items = field.Schema?.Items ?? field.Schema;
        if (items?.Enum is not { Count: > 0 } values)
        {
            return null;
        }

        return values.Select(v => v?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal);
    }

    internal static string Tag(OpenApiOperation operation)
    {
        var tag = operation.Tags?.Select(t => t.Name).FirstOrDefault(n => !string.IsNullOrEmpty(n))
            ?? throw new CatalogException($"{operation.OperationId}: the operation has no tag.");
        var dash = tag.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? tag : tag[..dash];
    }

    internal static HashSet<string> AllOperationIds(OpenApiDocument document)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (document.Paths is null)
        {
            return ids;
        }

        foreach (var item in document.Paths.Values)
        {
            foreach (var op in item.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                if (op.OperationId is { } id)
                {
                    ids.Add(id);
                }
            }
        }

        return ids;
    }

    private static List<ResourceDescriptor> AddReverseConnections(List<ResourceDescriptor> resources, CatalogOverrides overrides)
    {
        var byType = resources.ToDictionary(r => r.TypeName, StringComparer.Ordinal);
        return resources.Select((r, i) =>
        {
            var o = overrides.Resources[i];
            if (o.ReverseConnections.Count == 0)
            {
                return r;
            }

            var connections = new List<ReverseConnectionDescriptor>();
            foreach (var c in o.ReverseConnections)
            {
                if (!byType.TryGetValue(c.SourceType, out var source))
                {
                    throw new CatalogException($"{o.Path}: reverse connection \"{c.Name}\" reads {c.SourceType}, which is not in the catalog.");
                }

                var via = source.Fields.FirstOrDefault(f => f.Name == c.ViaField)
                    ?? throw new CatalogException($"{o.Path}: reverse connection \"{c.Name}\" goes through {c.SourceType}.{c.ViaField}, which does not exist.");
                var embedded = via is { Kind: ValueKind.Object, IsList: true } && via.ObjectType == r.TypeName;
                var references = via.ReferenceOperationId is not null && !via.ReferenceFromUrl
                    && string.Equals(via.ReferenceOperationId, r.RetrieveOperationId, StringComparison.Ordinal);
                if (!embedded && !references)
                {
                    throw new CatalogException($"{o.Path}: reverse connection \"{c.Name}\" goes through {c.SourceType}.{c.ViaField}, which neither references {r.TypeName} by uuid (ReferenceOperationId {r.RetrieveOperationId ?? "none"}) nor embeds a list of it.");
                }

                if (references && !source.Filters.Any(f => f.Field == c.ViaField && f.Lookup is FilterLookup.Exact or FilterLookup.CsvMulti or FilterLookup.RepeatedMulti))
                {
                    throw new CatalogException($"{o.Path}: reverse connection \"{c.Name}\" goes through {c.SourceType}.{c.ViaField}, which Waldur does not filter on (no Exact or multi filter pushed down on it).");
                }

                if (r.Fields.Any(f => f.Name == c.Name || f.ReferenceField == c.Name) || connections.Any(x => x.Name == c.Name))
                {
                    throw new CatalogException($"{o.Path}: reverse connection \"{c.Name}\" clashes with a field of {r.TypeName}.");
                }

                var ancestors = (c.Ancestors ?? []).Select(a => CheckAncestor(o.Path, c, a.Value, r, source)).ToList();
                connections.Add(new ReverseConnectionDescriptor(c.Name, c.SourceType, c.ViaField, c.Description, ancestors.Count == 0 ? null : ancestors));
            }

            return r with { ReverseConnections = connections };
        }).ToList();
    }

    /// <summary>
    /// An ancestor both types hold as the same reference, which Waldur filters the source by with one value: the
    /// children of several parents sharing it are then one request (the overrides cite why every child shares it).
    /// </summary>
    private static string CheckAncestor(string path, ReverseConnectionOverride c, string field, ResourceDescriptor parent, ResourceDescriptor source)
    {
        var own = source.Fields.FirstOrDefault(f => f.Name == field);
        var parents = parent.Fields.FirstOrDefault(f => f.Name == field);
        if (own?.ReferenceOperationId is null || parents?.ReferenceOperationId != own.ReferenceOperationId)
        {
            throw new CatalogException($"{path}: reverse connection \"{c.Name}\" names ancestor {field}, which {source.TypeName} and {parent.TypeName} do not both hold as the same reference.");
        }

        if (!source.Filters.Any(f => f.Field == field && f.Lookup == FilterLookup.Exact))
        {
            throw new CatalogException($"{path}: reverse connection \"{c.Name}\" names ancestor {field}, which Waldur does not filter {source.TypeName} on.");
        }

        return field;
    }

    internal static void CheckUnique<T>(IEnumerable<T> items, Func<T, string> key, string what)
    {
        var duplicate = items.GroupBy(key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new CatalogException($"Two catalog entries share the {what} \"{duplicate.Key}\".");
        }
    }
}
