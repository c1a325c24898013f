namespace Waldur.GraphGateway.Loading;

/// <summary>A row and the cursor of its position.</summary>
public sealed record ConnectionEdge<T>(string Cursor, T Node);
