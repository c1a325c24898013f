using System.Text.Json;

namespace Waldur.Emulator.Waldur.Generic;

/// <summary>
/// Every list operation of the 8.0.5 spec as <c>Schemas/list-operations.json</c> holds it (made from the vendored YAML by the
/// catalog generator, so start-up never parses the 4 MB spec). Read once, on the first request that needs it.
/// </summary>
internal sealed class ListCatalog : ISchemaTable
{
    private static readonly Lazy<ListCatalog> Lazy = new(Load);

    private ListCatalog(IReadOnlyList<ListOperation> lists, IReadOnlyDictionary<string, SpecSchema> schemas)
    {
        Lists = lists;
        Schemas = schemas;
    }

    public static ListCatalog Instance => Lazy.Value;

    public IReadOnlyList<ListOperation> Lists { get; }

    public IReadOnlyDictionary<string, SpecSchema> Schemas { get; }

    /// <summary>The schema a <c>$ref</c> names, followed until it is not a reference.</summary>
    public SpecSchema Resolve(SpecSchema schema)
    {
        while (schema.Ref is { } name)
        {
            schema = Schemas[name];
        }

        return schema;
    }

    private static ListCatalog Load()
    {
        using var stream = typeof(ListCatalog).Assembly.GetManifestResourceStream("list-operations.json")
            ?? throw new InvalidOperationException("list-operations.json is not embedded.");
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var schemas = root.GetProperty("schemas").EnumerateObject().ToDictionary(s => s.Name, s => SpecSchema.Parse(s.Value), StringComparer.Ordinal);
        var lists = root.GetProperty("lists").EnumerateObject().Select(l => ListOperation.Parse(l.Name, l.Value)).ToList();
        return new ListCatalog(lists, schemas);
    }
}

/// <summary>A table of component schemas that <c>$ref</c>s name (each extract has its own).</summary>
internal interface ISchemaTable
{
    /// <summary>The schema a <c>$ref</c> names, followed until it is not a reference.</summary>
    SpecSchema Resolve(SpecSchema schema);
}

/// <summary>One GET list operation: its path template, how it pages, orders and filters, and its item schema.</summary>
/// <param name="Detail">The item property the detail route <c>{path}{lookup}/</c> looks rows up by; null when the spec
/// has no such GET.</param>
/// <param name="Parent">For nested lists, the top-level list whose row the first path parameter names.</param>
/// <param name="Order">Null: no <c>o</c>; empty: DRF's <c>OrderingFilter</c> (any property, unknown terms dropped); else
/// django-filter's <c>OrderingFilter</c> keys (others are a 400).</param>
internal sealed record ListOperation(
    string Path, string OperationId, SpecSchema Item, bool Paged, string? Detail, string? Parent,
    IReadOnlyList<string>? Order, bool Field, IReadOnlyList<ListParameter> Parameters)
{
    /// <summary>The model name in 404 texts: the item schema's component name. Django's <c>get_object_or_404</c> names the
    /// model class (<c>_meta.object_name</c>), which the serializer's name often equals; <see cref="ModelNames"/> lists
    /// the lists where it does not.</summary>
    public string ModelName => ModelNames.TryGetValue(Path, out var name) ? name : Item.Ref ?? "object";

    /// <summary>Lists whose queryset's model is not named like their item schema. <c>proposal/views.py</c>
    /// <c>ProtectedCallViewSet</c> and <c>PublicCallViewSet</c>: <c>models.Call</c> (observed on 7.0.7: <c>No Call
    /// matches the given query.</c>).</summary>
    private static readonly Dictionary<string, string> ModelNames = new(StringComparer.Ordinal)
    {
        ["/api/proposal-protected-calls/"] = "Call",
        ["/api/proposal-public-calls/"] = "Call",
    };

    public static ListOperation Parse(string path, JsonElement e)
    {
        var order = e.GetProperty("order");
        return new ListOperation(
            path,
            e.GetProperty("op").GetString()!,
            SpecSchema.Parse(e.GetProperty("item")),
            e.GetProperty("paged").GetBoolean(),
            e.GetProperty("detail").GetString(),
            e.GetProperty("parent").GetString(),
            order.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => [],
                _ => [.. order.EnumerateArray().Select(k => k.GetString()!)],
            },
            e.GetProperty("field").GetBoolean(),
            [.. e.GetProperty("params").EnumerateArray().Select(ListParameter.Parse)]);
    }
}

/// <summary>A declared query parameter; <see cref="Ref"/> is the top-level list its <c>x-waldur-operation-id</c> names.</summary>
internal sealed record ListParameter(string Name, SpecSchema Schema, bool Csv, string? Ref)
{
    public static ListParameter Parse(JsonElement e) => new(
        e.GetProperty("name").GetString()!,
        SpecSchema.Parse(e.GetProperty("schema")),
        e.TryGetProperty("csv", out var csv) && csv.GetBoolean(),
        e.TryGetProperty("ref", out var target) ? target.GetString() : null);
}

/// <summary>The OpenAPI 3.0 schema keywords the extract keeps.</summary>
internal sealed class SpecSchema
{
    public string? Ref { get; private init; }

    public string? Type { get; private init; }

    public string? Format { get; private init; }

    public bool Nullable { get; private init; }

    /// <summary>Enum values as JSON text (<c>"OK"</c>, <c>1</c>, <c>null</c>).</summary>
    public IReadOnlyList<string> Enum { get; private init; } = [];

    public int? MaxLength { get; private init; }

    /// <summary>Request bodies only (<c>write-operations.json</c>): a key the serializer fills itself, ignored in input.</summary>
    public bool ReadOnly { get; private init; }

    /// <summary>Request bodies only: a key serializers never return (responses leave it out).</summary>
    public bool WriteOnly { get; private init; }

    /// <summary>Request bodies only: the keys a create or a full update must send.</summary>
    public IReadOnlyList<string> Required { get; private init; } = [];

    public int? MinLength { get; private init; }

    public decimal? Minimum { get; private init; }

    public decimal? Maximum { get; private init; }

    public string? Pattern { get; private init; }

    public SpecSchema? Items { get; private init; }

    public IReadOnlyList<KeyValuePair<string, SpecSchema>> Properties { get; private init; } = [];

    public IReadOnlyList<SpecSchema> AllOf { get; private init; } = [];

    public IReadOnlyList<SpecSchema> OneOf { get; private init; } = [];

    public IReadOnlyList<SpecSchema> AnyOf { get; private init; } = [];

    public static SpecSchema Parse(JsonElement e)
    {
        if (e.TryGetProperty("$ref", out var reference))
        {
            return new SpecSchema { Ref = reference.GetString() };
        }

        return new SpecSchema
        {
            Type = Text(e, "type"),
            Format = Text(e, "format"),
            Nullable = e.TryGetProperty("nullable", out var nullable) && nullable.GetBoolean(),
            ReadOnly = e.TryGetProperty("readOnly", out var readOnly) && readOnly.GetBoolean(),
            WriteOnly = e.TryGetProperty("writeOnly", out var writeOnly) && writeOnly.GetBoolean(),
            Required = e.TryGetProperty("required", out var required) ? [.. required.EnumerateArray().Select(r => r.GetString()!)] : [],
            Enum = e.TryGetProperty("enum", out var values) ? [.. values.EnumerateArray().Select(v => v.GetRawText())] : [],
            MaxLength = e.TryGetProperty("maxLength", out var max) ? max.GetInt32() : null,
            MinLength = e.TryGetProperty("minLength", out var min) ? min.GetInt32() : null,
            Minimum = e.TryGetProperty("minimum", out var lo) ? lo.GetDecimal() : null,
            Maximum = e.TryGetProperty("maximum", out var hi) ? hi.GetDecimal() : null,
            Pattern = Text(e, "pattern"),
            Items = e.TryGetProperty("items", out var items) ? Parse(items) : null,
            Properties = e.TryGetProperty("properties", out var properties)
                ? [.. properties.EnumerateObject().Select(p => new KeyValuePair<string, SpecSchema>(p.Name, Parse(p.Value)))]
                : [],
            AllOf = Many(e, "allOf"),
            OneOf = Many(e, "oneOf"),
            AnyOf = Many(e, "anyOf"),
        };
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static SpecSchema[] Many(JsonElement e, string name) =>
        e.TryGetProperty(name, out var list) ? [.. list.EnumerateArray().Select(Parse)] : [];
}
