using Waldur.GraphGateway.WaldurApi;
namespace Waldur.GraphGateway.Loading;

/// <summary>
/// Every row for one set of Waldur filters, in Waldur's default order with tied runs made whole, and the rank of each
/// default-order key (its first position), which the gateway's comparer uses to follow Waldur's collation.
/// </summary>
internal sealed record ScanResult(IReadOnlyList<WaldurRow> Rows, IReadOnlyDictionary<string, int> DefaultOrderRank);
