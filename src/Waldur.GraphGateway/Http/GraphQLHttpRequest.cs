using GraphQL;

namespace Waldur.GraphGateway.Http;

/// <summary>One GraphQL request as the transport read it, from a POST body (or batch element) or GET parameters.</summary>
internal sealed record GraphQLHttpRequest(string? Query, string? OperationName, Inputs? Variables, Inputs? Extensions)
{
    /// <summary>The Apollo APQ hash from <c>extensions.persistedQuery.sha256Hash</c>, when the client sent one.</summary>
    public string? PersistedQueryHash { get; init; }
}
