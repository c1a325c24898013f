namespace Waldur.GraphGateway.Http;

/// <summary>The size of a parsed document as the limits see it (fragments expanded).</summary>
/// <param name="Depth">Deepest field nesting outside introspection, over every operation.</param>
/// <param name="Fields">Field selections with fragments expanded, summed over every operation.</param>
/// <param name="Aliases">Aliased field selections written in the document.</param>
internal readonly record struct DocumentShape(int Depth, long Fields, int Aliases);
