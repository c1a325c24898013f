namespace Waldur.GraphGateway.WaldurApi;

/// <summary>
/// One object as Waldur sent it, read into the slots of its <see cref="RowShape"/>. Values are normalised once, when
/// read: <c>string</c>, <c>bool</c>, <c>long</c>, <c>double</c>, <c>DateTimeOffset</c> (UTC), JSON text for free-form
/// objects, a <see cref="WaldurRow"/> for a nested object, and an <c>IReadOnlyList</c> of those for arrays.
/// A value that did not fit its field (another JSON type, a documented-required key absent or null) reads as null and
/// leaves a <see cref="ProblemAt">problem</see> in its slot: the field answers null with a field error, the row stays.
/// </summary>
internal sealed class WaldurRow
{
    private readonly object?[] _values;
    private readonly string?[]? _problems;

    internal WaldurRow(RowShape shape, object?[] values, bool isComplete = true, string?[]? problems = null)
    {
        Shape = shape;
        _values = values;
        IsComplete = isComplete;
        _problems = problems;
    }

    public RowShape Shape { get; }

    /// <summary>False for a row read with <c>field=</c>: it holds only what one query needed, so it never fills a by-uuid cache.</summary>
    public bool IsComplete { get; }

    /// <summary>Never null: the reader refuses a keyed row without one; rows of a resource without uuids say "".</summary>
    public string Uuid => Shape.UuidIndex >= 0 ? (string)_values[Shape.UuidIndex]! : "";

    public object? this[int index] => _values[index];

    public object? this[string field] => _values[Shape[field].Index];

    /// <summary>What Waldur sent in slot <paramref name="index"/> that did not fit it (its value then reads as null); null when it fit.</summary>
    public string? ProblemAt(int index) => _problems?[index];

    /// <summary>True when some value of the row did not fit its field (rare: the array exists only then).</summary>
    public bool HasProblems => _problems is not null;
}
