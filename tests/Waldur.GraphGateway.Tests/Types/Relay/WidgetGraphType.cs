using GraphQL.Types;
using Waldur.GraphGateway.Types.Relay;

namespace Waldur.GraphGateway.Tests.Types.Relay;

public sealed class WidgetGraphType : ObjectGraphType<Widget>
{
    public WidgetGraphType()
    {
        Name = "Widget";
        Field(x => x.Uuid);
        Field(x => x.Name);
        this.ImplementNode("Widget", w => w.Uuid);
        IsTypeOf = value => value is Widget { Kind: "Widget" };
    }
}
