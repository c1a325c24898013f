using System.Text;
using Waldur.Catalog.Model;

namespace Waldur.GraphGateway.WaldurApi;

/// <summary>
/// One slot of a <see cref="WaldurRow"/>: the Waldur key it is read from and how. <see cref="Nested"/> is the shape of
/// the objects a <see cref="ValueKind.Object"/> field holds.
/// </summary>
internal sealed class RowField(FieldDescriptor descriptor, int index, RowShape? nested)
{
    public FieldDescriptor Descriptor { get; } = descriptor;

    public int Index { get; } = index;

    public string Name => Descriptor.Name;

    public ValueKind Kind => Nested is null && Descriptor.Kind == ValueKind.Object ? ValueKind.Json : Descriptor.Kind;

    public bool IsList => Descriptor.IsList;

    public bool Nullable => Descriptor.Nullable;

    /// <summary>The row's uuid: the one key the reader reads strictly (a row without it is left out, RowReader).</summary>
    public bool IsKey => Descriptor.Name == "uuid" && !Descriptor.IsList && Descriptor.Kind == ValueKind.String;

    public RowShape? Nested { get; } = nested;

    /// <summary>The key as UTF-8, compared with the JSON reader's raw property names without decoding them.</summary>
    internal byte[] JsonKey { get; } = Encoding.UTF8.GetBytes(descriptor.JsonName);
}
