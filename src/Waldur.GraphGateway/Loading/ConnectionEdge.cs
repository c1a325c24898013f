using Waldur.GraphGateway.WaldurApi;
namespace Waldur.GraphGateway.Loading;

/// <summary>A row and the cursor of its position.</summary>
public sealed record ConnectionEdge(string Cursor, WaldurRow Node);
