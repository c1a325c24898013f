using GraphQLParser.AST;

namespace Waldur.GraphGateway.Http;

/// <summary>
/// A parsed document with its measured shape and its SHA-256 (<see cref="PersistedQueryStore.Hash"/>, what traces
/// name it by), as kept by <see cref="DocumentCache"/>.
/// </summary>
public sealed record ParsedDocument(GraphQLDocument Document, DocumentShape Shape, string Hash);
