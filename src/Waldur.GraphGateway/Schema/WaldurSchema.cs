namespace Waldur.GraphGateway.Schema;

/// <summary>
/// The client-facing schema (reads and the reviewed writes); <c>schema.graphql</c> at the repository root is its printed
/// form. The one public type of the gateway (tests host it by it): its root types, internal, come from the container.
/// </summary>
public sealed class WaldurSchema : GraphQL.Types.Schema
{
    public WaldurSchema(IServiceProvider services) : base(services)
    {
        Query = services.GetRequiredService<QueryGraphType>();
        var mutation = services.GetRequiredService<MutationGraphType>();
        // A selection without any written resource has no mutations (an empty Mutation type is not valid GraphQL).
        if (mutation.Fields.Count > 0)
        {
            Mutation = mutation;
            RegisterType(mutation.ErrorInterface);
        }
        Directives.Register(new Types.Resources.SemanticNonNullDirective());
    }
}
