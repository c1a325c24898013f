namespace Waldur.GraphGateway.Tests.Types.Relay;

/// <summary>A test node: <c>Kind</c> says which graph type shows it (Widget or Gadget).</summary>
public sealed record Widget(string Uuid, string Name, string Kind);
