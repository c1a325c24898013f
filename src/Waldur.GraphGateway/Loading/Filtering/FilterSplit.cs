using Microsoft.Extensions.Primitives;

namespace Waldur.GraphGateway.Loading.Filtering;

/// <summary>
/// A <c>where</c> split in two: Waldur query parameters that apply the pushable predicates, and the rest, which the
/// gateway evaluates (<see cref="Residual"/>, null when Waldur does it all). <see cref="ResidualFields"/> names what
/// stayed behind, for the scan-budget message.
/// </summary>
internal sealed record FilterSplit(SortedDictionary<string, StringValues> Pushdown, FilterNode? Residual, IReadOnlyList<string> ResidualFields);
