using GraphQL.Types;
using Waldur.GraphGateway.Types.Relay;

namespace Waldur.GraphGateway.Tests.Types.Relay;

public sealed class RelayTestQueryGraphType : ObjectGraphType
{
    public RelayTestQueryGraphType()
    {
        Name = "Query";
        this.AddNodeFields();
        // Keeps Gadget and Widget in the schema, as real resource fields would.
        Field<ListGraphType<WidgetGraphType>>("widgets").Resolve(_ => Array.Empty<Widget>());
        Field<ListGraphType<GadgetGraphType>>("gadgets").Resolve(_ => Array.Empty<Widget>());
    }
}
