using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Hosting;
using Waldur.OptionsValidation;

namespace Waldur.GraphGateway.Loading;

/// <summary><c>Lists:*</c>: connection page sizes and the residual scan's limits.</summary>
internal sealed class ListOptions : IValidatableObject
{
    public const string Section = "Lists";

    /// <summary>Rows per connection page when neither <c>first</c> nor <c>last</c> is given (HotChocolate's default).</summary>
    [SettingRange(1, 10_000, ErrorMessage = Section + ":" + nameof(DefaultPageSize) + Settings.BeBetween)]
    public int DefaultPageSize { get; set; } = 10;

    /// <summary>Largest <c>first</c>/<c>last</c> accepted.</summary>
    [SettingRange(1, 10_000, ErrorMessage = Section + ":" + nameof(MaxPageSize) + Settings.BeBetween)]
    public int MaxPageSize { get; set; } = 100;

    /// <summary>Most Waldur rows one residual scan may read; beyond it the field fails with <c>SCAN_BUDGET_EXCEEDED</c>.</summary>
    [SettingRange(1, 10_000_000, ErrorMessage = Section + ":" + nameof(ScanBudgetRows) + Settings.BeBetween)]
    public int ScanBudgetRows { get; set; } = 10_000;

    /// <summary>
    /// Waldur list/count requests one GraphQL request keeps in flight at once (every field and parent together): a page
    /// of 100 parents each asking for its children waits in line instead of opening 100 connections.
    /// </summary>
    [SettingRange(1, 256, ErrorMessage = Section + ":" + nameof(MaxConcurrentRequests) + Settings.BeBetween)]
    public int MaxConcurrentRequests { get; set; } = 16;

    /// <summary>
    /// Most terms one <c>where</c> plus <c>order</c> may hold (every operation, through <c>and</c>/<c>or</c> and list
    /// quantifiers); beyond it the request is refused with <c>FILTER_TOO_COMPLEX</c> before Waldur is called.
    /// </summary>
    [SettingRange(1, 100_000, ErrorMessage = Section + ":" + nameof(MaxFilterTerms) + Settings.BeBetween)]
    public int MaxFilterTerms { get; set; } = 50;

    /// <summary>Most values in one <c>in</c>/<c>nin</c> list; beyond it <c>FILTER_TOO_COMPLEX</c>.</summary>
    [SettingRange(1, 100_000, ErrorMessage = Section + ":" + nameof(MaxInListLength) + Settings.BeBetween)]
    public int MaxInListLength { get; set; } = 100;

    /// <summary>
    /// Most filter tests one request may run in the gateway: rows × tests per row (list elements included), summed
    /// over every field, alias and batch item; beyond it <c>FILTER_TOO_COMPLEX</c>, naming the filters Waldur could
    /// apply to narrow the scan. 2,000,000 is about 150 ms of one core here, and four times a 50-term filter over a
    /// full 10,000-row scan.
    /// </summary>
    [SettingRange(1, int.MaxValue, ErrorMessage = Section + ":" + nameof(MaxResidualWork) + Settings.BeBetween)]
    public int MaxResidualWork { get; set; } = 2_000_000;

    /// <summary>Waldur pages one scan fetches at the same time, once the first page has revealed the count.</summary>
    [SettingRange(1, 64, ErrorMessage = Section + ":" + nameof(ScanConcurrency) + Settings.BeBetween)]
    public int ScanConcurrency { get; set; } = 4;

    /// <summary>The rule across fields that attributes cannot state.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DefaultPageSize > MaxPageSize)
        {
            yield return new ValidationResult($"{Section}:{nameof(DefaultPageSize)} must not exceed {Section}:{nameof(MaxPageSize)}.");
        }
    }
}

[OptionsValidator]
internal sealed partial class ListOptionsValidator : IValidateOptions<ListOptions>;
