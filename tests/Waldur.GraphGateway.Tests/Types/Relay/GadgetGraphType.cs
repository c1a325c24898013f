using GraphQL.Types;
using Waldur.GraphGateway.Types.Relay;

namespace Waldur.GraphGateway.Tests.Types.Relay;

public sealed class GadgetGraphType : ObjectGraphType<Widget>
{
    public GadgetGraphType()
    {
        Name = "Gadget";
        Field(x => x.Name);
        IsTypeOf = value => value is Widget { Kind: "Gadget" };
        this.ImplementNode("Gadget", w => w.Uuid);
    }
}
