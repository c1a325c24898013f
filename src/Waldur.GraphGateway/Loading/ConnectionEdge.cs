using Waldur.GraphGateway.WaldurApi;
namespace Waldur.GraphGateway.Loading;

/// <summary>A row and the cursor of its position.</summary>
internal sealed record ConnectionEdge(string Cursor, WaldurRow Node);
