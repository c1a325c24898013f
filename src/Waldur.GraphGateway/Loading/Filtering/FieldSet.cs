namespace Waldur.GraphGateway.Loading.Filtering;

/// <summary>The fields of one resource, by GraphQL name.</summary>
internal sealed class FieldSet
{
    private readonly Dictionary<string, FieldDefinition> _fields;

    public FieldSet(params FieldDefinition[] fields) => _fields = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public FieldDefinition this[string name] => _fields.TryGetValue(name, out var field)
        ? field
        : throw new ArgumentException($"Unknown field '{name}'.", nameof(name));

    public IEnumerable<FieldDefinition> All => _fields.Values;
}
