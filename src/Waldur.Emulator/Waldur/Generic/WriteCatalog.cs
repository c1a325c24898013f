using System.Text.Json;

namespace Waldur.Emulator.Waldur.Generic;

/// <summary>
/// Every write operation of the 8.0.5 spec as <c>Schemas/write-operations.json</c> holds it (made from the vendored YAML by
/// the catalog generator). Its schema table is its own: request schemas keep write-only keys, readOnly
/// flags and <c>required</c>, which the list extract leaves out. Read once, on the first write that needs it.
/// </summary>
internal sealed class WriteCatalog : ISchemaTable
{
    private static readonly Lazy<WriteCatalog> Lazy = new(Load);

    private readonly IReadOnlyDictionary<string, SpecSchema> _schemas;

    private WriteCatalog(IReadOnlyList<WriteOperation> writes, IReadOnlyDictionary<string, SpecSchema> schemas)
    {
        Writes = writes;
        _schemas = schemas;
    }

    public static WriteCatalog Instance => Lazy.Value;

    public IReadOnlyList<WriteOperation> Writes { get; }

    public SpecSchema Resolve(SpecSchema schema)
    {
        while (schema.Ref is { } name)
        {
            schema = _schemas[name];
        }

        return schema;
    }

    private static WriteCatalog Load()
    {
        using var stream = typeof(WriteCatalog).Assembly.GetManifestResourceStream("write-operations.json")
            ?? throw new InvalidOperationException("write-operations.json is not embedded.");
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var schemas = root.GetProperty("schemas").EnumerateObject().ToDictionary(s => s.Name, s => SpecSchema.Parse(s.Value), StringComparer.Ordinal);
        var writes = root.GetProperty("writes").EnumerateArray().Select(WriteOperation.Parse).ToList();
        return new WriteCatalog(writes, schemas);
    }
}

/// <summary>One write operation: method, path template, JSON request body (null: none) and its first documented 2xx
/// status with that response's schema (null: no body).</summary>
internal sealed record WriteOperation(string Method, string Path, string OperationId, SpecSchema? Body, int Status, SpecSchema? Response)
{
    public static WriteOperation Parse(JsonElement e) => new(
        e.GetProperty("method").GetString()!,
        e.GetProperty("path").GetString()!,
        e.GetProperty("op").GetString()!,
        e.GetProperty("body").ValueKind == JsonValueKind.Null ? null : SpecSchema.Parse(e.GetProperty("body")),
        e.GetProperty("status").GetInt32(),
        e.GetProperty("response").ValueKind == JsonValueKind.Null ? null : SpecSchema.Parse(e.GetProperty("response")));
}
