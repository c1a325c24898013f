namespace Waldur.Catalog.Model;

/// <summary>A query parameter Waldur evaluates itself: <see cref="Parameter"/> compares <see cref="Field"/> (GraphQL name) by <see cref="Lookup"/>.</summary>
public sealed record FilterDescriptor(string Parameter, string Field, FilterLookup Lookup);
