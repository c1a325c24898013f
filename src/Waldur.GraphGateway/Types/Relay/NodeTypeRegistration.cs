using GraphQL;
using GraphQL.DataLoader;

namespace Waldur.GraphGateway.Types.Relay;

/// <summary>
/// One node type: its GraphQL name and how a normalised uuid of it is fetched (usually its by-uuid DataLoader,
/// so every node of a level is one batch). The resolver returns null for an unknown uuid.
/// </summary>
internal sealed record NodeTypeRegistration(
    string TypeName,
    Func<string, IResolveFieldContext, IDataLoaderResult<object?>> Resolve);
