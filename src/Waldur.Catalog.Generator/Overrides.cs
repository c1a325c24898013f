using System.Text.Json;
using Waldur.Catalog.Model;

namespace Waldur.Catalog.Generator;

/// <summary>
/// The reviewed overrides: one entry per catalog resource, keyed by list path, in the catalog's order; and
/// <see cref="Generated"/>, new names for lists nobody reviewed (keyed by list path), which change nothing else.
/// </summary>
public sealed record CatalogOverrides(IReadOnlyList<ResourceOverride> Resources)
{
    public IReadOnlyDictionary<string, GeneratedNames> Generated { get; init; } = new Dictionary<string, GeneratedNames>();

    /// <summary>The reviewed writes (issue 22), keyed by operation id, in the overrides' order.</summary>
    public IReadOnlyList<WriteOverride> Writes { get; init; } = [];
}

/// <summary>
/// One reviewed write operation (a top-level <c>writes</c> entry keyed by its operation id). <see cref="Asynchronous"/>:
/// null = from the spec (a documented <c>202</c>). <see cref="Fields"/> is keyed by the request body's JSON property name
/// (a nested object's property as <c>parent.child</c>).
/// </summary>
public sealed record WriteOverride(
    string OperationId,
    string Name,
    WriteKind Kind,
    string TypeName,
    string? PayloadField,
    string? Description,
    bool? Asynchronous,
    bool Idempotent,
    string Source,
    IReadOnlyDictionary<string, InputFieldOverride> Fields);

/// <summary>
/// One request-body property's overrides. <see cref="Reference"/>: null = keep the default, "" = no reference, else the
/// catalog type whose URL the value is. <see cref="Url"/>: the URL's path template (see
/// <c>InputFieldDescriptor.UrlTemplate</c>). <see cref="Omit"/> leaves the property out of the input.
/// </summary>
public sealed record InputFieldOverride(
    string JsonPath,
    string? Source,
    string? Name,
    string? Description,
    string? Reference,
    string? EnumType,
    bool? Required,
    bool Omit,
    string? Url = null);

/// <summary>A generated list's GraphQL type and connection names, instead of the naming rule's.</summary>
public sealed record GeneratedNames(string Path, string? TypeName, string? ListField, string Source);

public sealed record ResourceOverride(
    string Path,
    string Source,
    string? TypeName,
    string? ListField,
    string? ByUuidField,
    string? ByUuidsField,
    string? Noun,
    string? NounPlural,
    string? Description,
    string? ListDescription,
    IReadOnlyList<string> FieldOrder,
    IReadOnlyDictionary<string, FieldOverride> Fields,
    IReadOnlyList<FilterOverride>? Filters,
    IReadOnlyList<OrderOverride>? Orders,
    SourcedValue<string>? DefaultOrder,
    SourcedValue<BatchDescriptor>? Batch,
    IReadOnlyList<ReverseConnectionOverride> ReverseConnections,
    SourcedValue<bool>? ScanForLookups = null);

/// <summary>
/// One property's overrides (keyed by its JSON name). <see cref="Reference"/>: null = keep the default, "" = no reference.
/// <see cref="ReferenceField"/> renames the navigable field; <see cref="ReferenceFromUrl"/> says the property is the
/// target's URL (it needs a <see cref="Reference"/>); <see cref="EnumType"/> renames the GraphQL enum of an enum property.
/// </summary>
public sealed record FieldOverride(
    string JsonName,
    string? Source,
    string? Name,
    string? Description,
    string? FilterDescription,
    bool? Nullable,
    bool? Sortable,
    bool? Filterable,
    string? Reference,
    string? ReferenceField = null,
    bool? ReferenceFromUrl = null,
    string? EnumType = null);

public sealed record FilterOverride(string Parameter, string Field, FilterLookup Lookup, string Source);

public sealed record OrderOverride(string Key, string Field, string Source);

/// <summary>A reviewed reverse connection; <see cref="Ancestors"/> name the fields every source row shares with its parent.</summary>
public sealed record ReverseConnectionOverride(string Name, string SourceType, string ViaField, string Description, string Source,
    IReadOnlyList<SourcedValue<string>>? Ancestors = null);

public sealed record SourcedValue<T>(T Value, string Source);

/// <summary>
/// Reads overrides.json strictly: unknown keys, wrong types and a missing <c>source</c> where one is required are errors
/// naming the JSON path. Comments and trailing commas are allowed.
/// </summary>
public static class OverridesReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static CatalogOverrides ReadFile(string path) => Parse(File.ReadAllText(path), System.IO.Path.GetFileName(path));

    public static CatalogOverrides Parse(string json, string name = "overrides.json")
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new CatalogException($"{name}: not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            var ctx = new Ctx(name);
            ctx.Keys(root, "$", "$schemaNote", "resources", "generated", "writes");
            var resources = ctx.Object(root, "resources", "$");
            var list = new List<ResourceOverride>();
            foreach (var entry in resources.EnumerateObject())
            {
                list.Add(ReadResource(ctx, entry.Name, entry.Value));
            }

            var generated = new Dictionary<string, GeneratedNames>(StringComparer.Ordinal);
            if (root.TryGetProperty("generated", out var names))
            {
                ctx.Kind(names, JsonValueKind.Object, "$.generated");
                foreach (var entry in names.EnumerateObject())
                {
                    var at = $"generated[\"{entry.Name}\"]";
                    ctx.Keys(entry.Value, at, "source", "typeName", "listField");
                    generated[entry.Name] = new GeneratedNames(entry.Name, ctx.String(entry.Value, "typeName", at), ctx.String(entry.Value, "listField", at),
                        ctx.RequiredSource(entry.Value, at, "it names a list nobody reviewed"));
                }
            }

            var writes = new List<WriteOverride>();
            if (root.TryGetProperty("writes", out var we))
            {
                ctx.Kind(we, JsonValueKind.Object, "$.writes");
                foreach (var entry in we.EnumerateObject())
                {
                    writes.Add(ReadWrite(ctx, entry.Name, entry.Value));
                }
            }

            return new CatalogOverrides(list) { Generated = generated, Writes = writes };
        }
    }

    private static WriteOverride ReadWrite(Ctx ctx, string operationId, JsonElement e)
    {
        var at = $"writes[\"{operationId}\"]";
        ctx.Keys(e, at, "source", "name", "kind", "typeName", "payloadField", "description", "asynchronous", "idempotent", "fields");
        var source = ctx.RequiredSource(e, at, "it makes a Waldur write a mutation");
        var kindText = ctx.RequiredString(e, "kind", at);
        if (!Enum.TryParse<WriteKind>(kindText, ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
        {
            throw new CatalogException($"{ctx.Name}: {at}.kind \"{kindText}\" is not one of {string.Join(", ", Enum.GetNames<WriteKind>())}.");
        }

        var fields = new Dictionary<string, InputFieldOverride>(StringComparer.Ordinal);
        if (e.TryGetProperty("fields", out var fe))
        {
            ctx.Kind(fe, JsonValueKind.Object, $"{at}.fields");
            foreach (var f in fe.EnumerateObject())
            {
                var fat = $"{at}.fields.{f.Name}";
                ctx.Keys(f.Value, fat, "source", "name", "description", "reference", "enumType", "required", "omit", "url");
                string? reference = null;
                if (f.Value.TryGetProperty("reference", out var r))
                {
                    reference = r.ValueKind == JsonValueKind.Null ? "" : ctx.RequiredString(f.Value, "reference", fat);
                }

                var enumType = ctx.String(f.Value, "enumType", fat);
                var required = ctx.Bool(f.Value, "required", fat);
                var omit = ctx.Bool(f.Value, "omit", fat) ?? false;
                var url = ctx.String(f.Value, "url", fat);
                var semantic = reference is not null || enumType is not null || required is not null || omit || url is not null;
                var fieldSource = semantic
                    ? ctx.RequiredSource(f.Value, fat, "it changes reference/enumType/required/omit/url")
                    : ctx.String(f.Value, "source", fat);
                fields[f.Name] = new InputFieldOverride(f.Name, fieldSource, ctx.String(f.Value, "name", fat), ctx.String(f.Value, "description", fat),
                    reference, enumType, required, omit, url);
            }
        }

        return new WriteOverride(operationId, ctx.RequiredString(e, "name", at), kind, ctx.RequiredString(e, "typeName", at),
            ctx.String(e, "payloadField", at), ctx.String(e, "description", at), ctx.Bool(e, "asynchronous", at), ctx.Bool(e, "idempotent", at) ?? false,
            source, fields);
    }

    private static ResourceOverride ReadResource(Ctx ctx, string path, JsonElement e)
    {
        var at = $"resources[\"{path}\"]";
        ctx.Keys(e, at, "source", "typeName", "listField", "byUuidField", "byUuidsField", "noun", "nounPlural", "description",
            "listDescription", "fieldOrder", "fields", "filters", "orders", "defaultOrder", "batch", "reverseConnections", "scanForLookups");
        var source = ctx.RequiredSource(e, at, null);

        var fields = new Dictionary<string, FieldOverride>(StringComparer.Ordinal);
        if (e.TryGetProperty("fields", out var fe))
        {
            ctx.Kind(fe, JsonValueKind.Object, $"{at}.fields");
            foreach (var f in fe.EnumerateObject())
            {
                fields[f.Name] = ReadField(ctx, f.Name, f.Value, $"{at}.fields.{f.Name}");
            }
        }

        return new ResourceOverride(
            path, source,
            ctx.String(e, "typeName", at), ctx.String(e, "listField", at), ctx.String(e, "byUuidField", at), ctx.String(e, "byUuidsField", at),
            ctx.String(e, "noun", at), ctx.String(e, "nounPlural", at), ctx.String(e, "description", at), ctx.String(e, "listDescription", at),
            e.TryGetProperty("fieldOrder", out var order) ? ctx.StringArray(order, $"{at}.fieldOrder") : [],
            fields,
            e.TryGetProperty("filters", out var filters) ? ReadFilters(ctx, filters, $"{at}.filters") : null,
            e.TryGetProperty("orders", out var orders) ? ReadOrders(ctx, orders, $"{at}.orders") : null,
            e.TryGetProperty("defaultOrder", out var def) ? ReadDefaultOrder(ctx, def, $"{at}.defaultOrder") : null,
            e.TryGetProperty("batch", out var batch) ? ReadBatch(ctx, batch, $"{at}.batch") : null,
            e.TryGetProperty("reverseConnections", out var rc) ? ReadReverse(ctx, rc, $"{at}.reverseConnections") : [],
            e.TryGetProperty("scanForLookups", out var scan) ? ReadScanForLookups(ctx, scan, $"{at}.scanForLookups") : null);
    }

    private static SourcedValue<bool> ReadScanForLookups(Ctx ctx, JsonElement e, string at)
    {
        ctx.Keys(e, at, "value", "source");
        return new SourcedValue<bool>(ctx.Bool(e, "value", at) ?? throw new CatalogException($"{ctx.Name}: {at}.value is required."),
            ctx.RequiredSource(e, at, "it says the whole list is small enough to read for any lookup"));
    }

    private static FieldOverride ReadField(Ctx ctx, string jsonName, JsonElement e, string at)
    {
        ctx.Keys(e, at, "source", "name", "description", "filterDescription", "nullable", "sortable", "filterable", "reference",
            "referenceField", "referenceFromUrl", "enumType");
        var nullable = ctx.Bool(e, "nullable", at);
        var referenceField = ctx.String(e, "referenceField", at);
        var referenceFromUrl = ctx.Bool(e, "referenceFromUrl", at);
        var enumType = ctx.String(e, "enumType", at);
        var sortable = ctx.Bool(e, "sortable", at);
        var filterable = ctx.Bool(e, "filterable", at);
        string? reference = null;
        if (e.TryGetProperty("reference", out var r))
        {
            reference = r.ValueKind == JsonValueKind.Null ? "" : ctx.String(e, "reference", at);
        }
        // Wording (name, description, filterDescription) is trivial; anything that changes what the gateway does is not.
        var semantic = nullable is not null || sortable is not null || filterable is not null || reference is not null
            || referenceField is not null || referenceFromUrl is not null || enumType is not null;
        var source = semantic
            ? ctx.RequiredSource(e, at, "it changes nullable/sortable/filterable/reference/referenceField/referenceFromUrl/enumType")
            : ctx.String(e, "source", at);
        if (referenceFromUrl == true && string.IsNullOrEmpty(reference))
        {
            throw new CatalogException($"{ctx.Name}: {at}.referenceFromUrl needs \"reference\": the retrieve operation of the resource the URL points at.");
        }

        return new FieldOverride(jsonName, source, ctx.String(e, "name", at), ctx.String(e, "description", at), ctx.String(e, "filterDescription", at),
            nullable, sortable, filterable, reference, referenceField, referenceFromUrl, enumType);
    }

    private static List<FilterOverride> ReadFilters(Ctx ctx, JsonElement e, string at)
    {
        ctx.Keys(e, at, "source", "items");
        var blockSource = ctx.String(e, "source", at);
        var items = ctx.Array(e, "items", at);
        var list = new List<FilterOverride>();
        var i = 0;
        foreach (var item in items.EnumerateArray())
        {
            var iat = $"{at}.items[{i++}]";
            ctx.Keys(item, iat, "parameter", "field", "lookup", "source");
            var source = ctx.String(item, "source", iat) ?? blockSource
                ?? throw new CatalogException($"{ctx.Name}: {iat} has no \"source\" (nor has {at}): every pushed-down filter must name the waldur-mastermind filterset that justifies it.");
            var lookupText = ctx.RequiredString(item, "lookup", iat);
            if (!Enum.TryParse<FilterLookup>(lookupText, ignoreCase: false, out var lookup) || !Enum.IsDefined(lookup))
            {
                throw new CatalogException($"{ctx.Name}: {iat}.lookup \"{lookupText}\" is not one of {string.Join(", ", Enum.GetNames<FilterLookup>())}.");
            }

            list.Add(new FilterOverride(ctx.RequiredString(item, "parameter", iat), ctx.RequiredString(item, "field", iat), lookup, source));
        }

        return list;
    }

    private static List<OrderOverride> ReadOrders(Ctx ctx, JsonElement e, string at)
    {
        ctx.Keys(e, at, "source", "items");
        var blockSource = ctx.RequiredSource(e, at, "it says which `o` keys Waldur accepts");
        var list = new List<OrderOverride>();
        var i = 0;
        foreach (var item in ctx.Array(e, "items", at).EnumerateArray())
        {
            var iat = $"{at}.items[{i++}]";
            ctx.Keys(item, iat, "key", "field", "source");
            list.Add(new OrderOverride(ctx.RequiredString(item, "key", iat), ctx.RequiredString(item, "field", iat), ctx.String(item, "source", iat) ?? blockSource));
        }

        return list;
    }

    private static SourcedValue<string> ReadDefaultOrder(Ctx ctx, JsonElement e, string at)
    {
        ctx.Keys(e, at, "field", "source");
        return new SourcedValue<string>(ctx.RequiredString(e, "field", at), ctx.RequiredSource(e, at, "it says how Waldur orders without `o`"));
    }

    private static SourcedValue<BatchDescriptor> ReadBatch(Ctx ctx, JsonElement e, string at)
    {
        ctx.Keys(e, at, "parameter", "lookup", "source");
        var lookupText = ctx.RequiredString(e, "lookup", at);
        if (!Enum.TryParse<FilterLookup>(lookupText, out var lookup) || lookup is not (FilterLookup.CsvMulti or FilterLookup.RepeatedMulti))
        {
            throw new CatalogException($"{ctx.Name}: {at}.lookup must be CsvMulti or RepeatedMulti, not \"{lookupText}\".");
        }

        return new SourcedValue<BatchDescriptor>(new BatchDescriptor(ctx.RequiredString(e, "parameter", at), lookup),
            ctx.RequiredSource(e, at, "it says Waldur selects many rows by uuid in one request"));
    }

    private static List<ReverseConnectionOverride> ReadReverse(Ctx ctx, JsonElement e, string at)
    {
        ctx.Kind(e, JsonValueKind.Array, at);
        var list = new List<ReverseConnectionOverride>();
        var i = 0;
        foreach (var item in e.EnumerateArray())
        {
            var iat = $"{at}[{i++}]";
            ctx.Keys(item, iat, "name", "sourceType", "viaField", "description", "source", "ancestors");
            list.Add(new ReverseConnectionOverride(ctx.RequiredString(item, "name", iat), ctx.RequiredString(item, "sourceType", iat),
                ctx.RequiredString(item, "viaField", iat), ctx.RequiredString(item, "description", iat), ctx.RequiredSource(item, iat, null),
                item.TryGetProperty("ancestors", out var ancestors) ? ReadAncestors(ctx, ancestors, $"{iat}.ancestors") : null));
        }

        return list;
    }

    private static List<SourcedValue<string>> ReadAncestors(Ctx ctx, JsonElement e, string at)
    {
        ctx.Kind(e, JsonValueKind.Array, at);
        return e.EnumerateArray().Select((item, i) =>
        {
            var iat = $"{at}[{i}]";
            ctx.Keys(item, iat, "field", "source");
            return new SourcedValue<string>(ctx.RequiredString(item, "field", iat),
                ctx.RequiredSource(item, iat, "it says every source row shares the parent's value of this field"));
        }).ToList();
    }

    private sealed class Ctx(string name)
    {
        public string Name { get; } = name;

        public void Kind(JsonElement e, JsonValueKind kind, string at)
        {
            if (e.ValueKind != kind)
            {
                throw new CatalogException($"{Name}: {at} must be a JSON {kind.ToString().ToLowerInvariant()}, not {e.ValueKind.ToString().ToLowerInvariant()}.");
            }
        }

        public void Keys(JsonElement e, string at, params string[] allowed)
        {
            Kind(e, JsonValueKind.Object, at);
            foreach (var p in e.EnumerateObject())
            {
                if (!allowed.Contains(p.Name, StringComparer.Ordinal))
                {
                    throw new CatalogException($"{Name}: {at} has an unknown key \"{p.Name}\" (allowed: {string.Join(", ", allowed)}).");
                }
            }
        }

        public JsonElement Object(JsonElement e, string key, string at)
        {
            if (!e.TryGetProperty(key, out var v))
            {
                throw new CatalogException($"{Name}: {at} has no \"{key}\".");
            }

            Kind(v, JsonValueKind.Object, $"{at}.{key}");
            return v;
        }

        public JsonElement Array(JsonElement e, string key, string at)
        {
            if (!e.TryGetProperty(key, out var v))
            {
                throw new CatalogException($"{Name}: {at} has no \"{key}\".");
            }

            Kind(v, JsonValueKind.Array, $"{at}.{key}");
            return v;
        }

        public string? String(JsonElement e, string key, string at)
        {
            if (!e.TryGetProperty(key, out var v))
            {
                return null;
            }

            Kind(v, JsonValueKind.String, $"{at}.{key}");
            return v.GetString();
        }

        public string RequiredString(JsonElement e, string key, string at)
        {
            var s = String(e, key, at);
            return string.IsNullOrWhiteSpace(s) ? throw new CatalogException($"{Name}: {at} needs a non-empty \"{key}\".") : s;
        }

        public string RequiredSource(JsonElement e, string at, string? why)
        {
            var s = String(e, "source", at);
            if (!string.IsNullOrWhiteSpace(s))
            {
                return s;
            }

            throw new CatalogException(
                $"{Name}: {at} has no \"source\"{(why is null ? "" : $" ({why})")}: name the waldur-mastermind file and class (filterset, serializer or view) that justifies it, or say \"[UNVERIFIED] …\".");
        }

        public bool? Bool(JsonElement e, string key, string at)
        {
            if (!e.TryGetProperty(key, out var v))
            {
                return null;
            }

            return v.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw new CatalogException($"{Name}: {at}.{key} must be true or false."),
            };
        }

        public List<string> StringArray(JsonElement e, string at)
        {
            Kind(e, JsonValueKind.Array, at);
            return e.EnumerateArray().Select((x, i) =>
            {
                Kind(x, JsonValueKind.String, $"{at}[{i}]");
                return x.GetString()!;
            }).ToList();
        }
    }
}
