using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Types;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Types.Paging;
using Waldur.GraphGateway.Types.Relay;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Types.Resources;

/// <summary>
/// Lists under another resource's path (<c>/api/customers/{customer_uuid}/users/</c>): a connection on the parent's
/// type, its path parameter filled with the parent row's uuid, one planner call (one Waldur request for a page) per
/// parent. A list with path parameters and no parent in the catalog is a root connection taking them as required
/// arguments (<c>marketplaceBookings(uuid: …)</c>).
/// </summary>
internal static partial class NestedConnections
{
    public static void Add(ObjectGraphType<WaldurRow> parent, ResourceGraph nested)
    {
        var resource = nested.Resource;
        var parameter = PathParameters(resource)[0];
        parent.Field(resource.FieldName, nested.Connection)
            .Description(resource.Descriptor.ListDescription)
            .Arguments(nested.ConnectionArguments())
            .ResolveAsync(async c => await c.Planner().LoadAsync(
                resource.WithPath(new Dictionary<string, string> { [parameter] = c.Source.Uuid }), ConnectionArguments.Read(c, resource, nested.LookupFields), c.CancellationToken));
    }

    public static void AddWithPathArguments(ObjectGraphType query, ResourceGraph graph, IReadOnlyList<string> parameters)
    {
        var resource = graph.Resource;
        var arguments = graph.ConnectionArguments();
        foreach (var parameter in parameters)
        {
            arguments.Add(new QueryArgument<NonNullGraphType<StringGraphType>> { Name = ArgumentName(parameter), Description = $"Waldur's `{{{parameter}}}` in `{resource.Descriptor.Path}`." });
        }

        query.Field(resource.FieldName, graph.Connection)
            .Description(resource.Descriptor.ListDescription)
            .Arguments(arguments)
            .ResolveAsync(async c =>
            {
                var values = parameters.ToDictionary(p => p, p => WaldurUuid.Normalize(c.GetArgument<string>(ArgumentName(p))), StringComparer.Ordinal);
                return await c.Planner().LoadAsync(resource.WithPath(values), ConnectionArguments.Read(c, resource, graph.LookupFields), c.CancellationToken);
            });
    }

    /// <summary>The <c>{name}</c>s of the list's path, in order.</summary>
    public static IReadOnlyList<string> PathParameters(ListResource resource) =>
        PathParameter().Matches(resource.Descriptor.Path).Select(m => m.Groups[1].Value).ToList();

    /// <summary><c>customer_uuid</c> → <c>customerUuid</c>.</summary>
    private static string ArgumentName(string parameter)
    {
        var parts = parameter.Split('_', StringSplitOptions.RemoveEmptyEntries);
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex PathParameter();
}
