using System.Collections.Concurrent;
using GraphQLParser.AST;

namespace Waldur.GraphGateway.Http;

/// <summary>
/// A parsed document with its measured shape and its SHA-256 (<see cref="PersistedQueryStore.Hash"/>, what traces
/// name it by), as kept by <see cref="DocumentCache"/>, and the operations that already
/// passed the full validation once: those skip the document-only rules on later requests (about a third of a small
/// request's CPU). Only operations the document defines can pass, so the set is bounded by the document. Its
/// <see cref="Verdicts"/> let a repeated request skip the variable-reading rules too.
/// </summary>
internal sealed class ParsedDocument(GraphQLDocument document, DocumentShape shape, string hash)
{
    private readonly ConcurrentDictionary<string, bool> _validOperations = new(StringComparer.Ordinal);

    public GraphQLDocument Document { get; } = document;

    public DocumentShape Shape { get; } = shape;

    public string Hash { get; } = hash;

    public VariableVerdicts Verdicts { get; } = new(document);

    public bool IsValidated(string? operationName) => _validOperations.ContainsKey(operationName ?? "");

    public void MarkValidated(string? operationName) => _validOperations.TryAdd(operationName ?? "", true);
}
