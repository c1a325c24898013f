using System.ComponentModel.DataAnnotations;

namespace Waldur.GraphGateway.Loading;

/// <summary><c>Lists:*</c>: connection page sizes and the residual scan's limits.</summary>
public sealed class ListOptions
{
    public const string Section = "Lists";

    /// <summary>Rows per connection page when neither <c>first</c> nor <c>last</c> is given (HotChocolate's default).</summary>
    [Range(1, 10_000)]
    public int DefaultPageSize { get; set; } = 10;

    /// <summary>Largest <c>first</c>/<c>last</c> accepted.</summary>
    [Range(1, 10_000)]
    public int MaxPageSize { get; set; } = 100;

    /// <summary>Most Waldur rows one residual scan may read; beyond it the field fails with <c>SCAN_BUDGET_EXCEEDED</c>.</summary>
    [Range(1, 10_000_000)]
    public int ScanBudgetRows { get; set; } = 10_000;

    /// <summary>
    /// Waldur list/count requests one GraphQL request keeps in flight at once (every field and parent together): a page
    /// of 100 parents each asking for its children waits in line instead of opening 100 connections.
    /// </summary>
    [Range(1, 256)]
    public int MaxConcurrentRequests { get; set; } = 16;

    /// <summary>Waldur pages one scan fetches at the same time, once the first page has revealed the count.</summary>
    [Range(1, 64)]
    public int ScanConcurrency { get; set; } = 4;
}
