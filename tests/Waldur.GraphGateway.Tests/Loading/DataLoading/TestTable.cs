namespace Waldur.GraphGateway.Tests.Loading.DataLoading;

/// <summary>Rows k0..k49 whose <c>Next</c> is the following row (k49 has none).</summary>
public sealed class TestTable
{
    public const int Size = 50;

    public IReadOnlyDictionary<string, TestItem> Rows { get; } = Enumerable.Range(0, Size)
        .ToDictionary(i => $"k{i}", i => new TestItem($"k{i}", $"value {i}", i + 1 < Size ? $"k{i + 1}" : null));
}
