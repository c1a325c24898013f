using GraphQL.Types;
using Waldur.GraphGateway.Types.Mutations;
using Waldur.GraphGateway.Types.Resources;

namespace Waldur.GraphGateway.Schema;

/// <summary>The root mutation type: one field per reviewed write of a resource in the schema (<see cref="WriteCatalog"/>).</summary>
internal sealed class MutationGraphType : ObjectGraphType
{
    public MutationGraphType(WriteCatalog writes, CatalogGraphTypes catalog)
    {
        ArgumentNullException.ThrowIfNull(writes);
        Name = "Mutation";
        ErrorInterface = MutationFields.AddTo(this, writes.Writes, catalog);
    }

    /// <summary>The user errors' <c>Error</c> interface: only union members name it, so the schema registers it.</summary>
    public IGraphType ErrorInterface { get; }
}
