using Waldur.Catalog.Model;

namespace Waldur.GraphGateway.Types.Mutations;

/// <summary>The reviewed writes (<c>WaldurWrites.Reviewed</c>) whose resource the selected catalog holds.</summary>
public sealed class WriteCatalog(IReadOnlyList<WriteDescriptor> writes)
{
    public IReadOnlyList<WriteDescriptor> Writes { get; } = writes;
}
