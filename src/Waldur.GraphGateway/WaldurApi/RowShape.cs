namespace Waldur.GraphGateway.WaldurApi;

/// <summary>
/// The fields of one resource's rows, in the descriptor's order, and where <c>uuid</c> sits. Built once per resource
/// (<see cref="RowShapes"/>); rows of the resource share it.
/// </summary>
internal sealed class RowShape
{
    private readonly Dictionary<string, RowField> _byName = new(StringComparer.Ordinal);
    private RowField[] _fields = [];

    internal RowShape(string typeName) => TypeName = typeName;

    public string TypeName { get; }

    public IReadOnlyList<RowField> Fields => _fields;

    /// <summary>Where <c>uuid</c> sits; -1 when the resource's rows have none.</summary>
    public int UuidIndex { get; private set; } = -1;

    public bool Keyed => UuidIndex >= 0;

    public RowField this[string name] => _byName.TryGetValue(name, out var field)
        ? field
        : throw new ArgumentException($"{TypeName} has no field '{name}'.", nameof(name));

    public bool TryGetField(string name, out RowField field) => _byName.TryGetValue(name, out field!);

    /// <summary>Called once by <see cref="RowShapes"/> after every shape exists, so nested shapes may refer to each other.</summary>
    internal void Complete(RowField[] fields)
    {
        _fields = fields;
        foreach (var field in fields)
        {
            _byName[field.Name] = field;
        }
        // Some generated lists (statistics, histories) have no uuid: their rows are no nodes and never fill a by-uuid cache.
        UuidIndex = _byName.TryGetValue("uuid", out var uuid) && uuid.IsKey ? uuid.Index : -1;
    }
}
