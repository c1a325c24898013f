using Waldur.Catalog.Model;

namespace Waldur.GraphGateway.Loading;

/// <summary>
/// A predicate Waldur evaluates itself: <c>Field.Operation value</c> becomes <c>?Parameter=value</c>, the value written
/// as <see cref="Lookup"/> requires (several values comma-separated or repeated for a multi-value filter).
/// </summary>
internal sealed record PushdownRule(string Field, string Operation, string Parameter, FilterLookup Lookup = FilterLookup.Exact);
