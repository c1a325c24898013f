using GraphQLParser.AST;

namespace Waldur.GraphGateway.Http;

/// <summary>A parsed document with its measured shape, as kept by <see cref="DocumentCache"/>.</summary>
public sealed record ParsedDocument(GraphQLDocument Document, DocumentShape Shape);
