using GraphQL.Types;

namespace Waldur.GraphGateway.Schema;

/// <summary>The client-facing schema; <c>schema.graphql</c> at the repository root is its printed form.</summary>
public sealed class WaldurSchema : GraphQL.Types.Schema
{
    public WaldurSchema(IServiceProvider services, QueryGraphType query) : base(services)
    {
        Query = query;
        Directives.Register(new Types.Resources.SemanticNonNullDirective());
    }
}
