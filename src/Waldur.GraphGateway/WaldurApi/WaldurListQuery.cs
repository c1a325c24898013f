using System.Text;
using Microsoft.Extensions.Primitives;

namespace Waldur.GraphGateway.WaldurApi;

/// <summary>
/// One Waldur list request: filter parameters (U9, U10; a parameter with several values is repeated, as Waldur's
/// multi-value filters take them), one comma-separated <c>o</c> (U15) and a <c>page</c>/<c>page_size</c> pair (U17).
/// <see cref="LastPage"/> sends <c>page=last</c> (U18). Filters are kept sorted so equal queries produce equal keys
/// (scans and pages are shared by <see cref="FilterKey"/>).
/// </summary>
internal sealed record WaldurListQuery(SortedDictionary<string, StringValues> Filters, string? Ordering, int Page, int PageSize)
{
    public const int MaxPageSize = 300;

    public bool LastPage { get; init; }

    /// <summary>
    /// The Waldur keys the gateway reads from each row (null: every key); the rest are skipped unparsed, so the rows are
    /// partial (<see cref="WaldurRow.IsComplete"/> false). Part of <see cref="FilterKey"/> and <see cref="PageKey"/>:
    /// rows read with fewer keys never answer a read that needs more, even when the URL is the same.
    /// </summary>
    public IReadOnlyList<string>? Reads { get; init; }

    /// <summary>
    /// For nested object fields (by Waldur key), the keys read from each nested row; a nested field not named here is
    /// read whole. Waldur serializes nested objects whole even with <c>field=</c> (C8), so this is the reader's alone.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? NestedReads { get; init; }

    /// <summary>
    /// Whether <see cref="Reads"/> also goes to Waldur as <c>field=</c> (repeated, C8), so Waldur serializes less: only
    /// for lists that take <c>field=</c> and keys it can name. Otherwise the URL asks for every key and the reader skips.
    /// </summary>
    public bool SendsFields { get; init; }

    public static SortedDictionary<string, StringValues> NoFilters() => new(StringComparer.Ordinal);

    /// <summary>Every row, page 1 at the largest page size: the query whose count and scan by-uuid batches reuse.</summary>
    public static WaldurListQuery Unfiltered() => new(NoFilters(), null, 1, MaxPageSize);

    /// <summary>The filters and ordering alone: what decides the rows, not which page of them.</summary>
    public string FilterKey
    {
        get
        {
            var text = new StringBuilder();
            AppendFilters(text);
            AppendReads(text);
            if (NestedReads is not null)
            {
                text.Append(NestedKey()).Append('&');
            }

            return text.Append("o=").Append(Ordering).ToString();
        }
    }

    /// <summary>One page's rows: its query string, plus the keys read when <c>field=</c> does not carry them.</summary>
    public string PageKey => Reads is null || SendsFields ? ToQueryString() + NestedKey() : $"{ToQueryString()}|read={string.Join(',', Reads)}{NestedKey()}";

    public WaldurListQuery WithPage(int page, int pageSize) => this with { Page = page, PageSize = pageSize, LastPage = false };

    /// <summary>The query string (without <c>?</c>); <paramref name="includePaging"/> is false for a HEAD count.</summary>
    public string ToQueryString(bool includePaging = true)
    {
        var text = new StringBuilder();
        AppendFilters(text);
        if (SendsFields)
        {
            AppendReads(text);
        }

        if (!string.IsNullOrEmpty(Ordering))
        {
            text.Append("o=").Append(Uri.EscapeDataString(Ordering)).Append('&');
        }

        if (includePaging)
        {
            text.Append(LastPage ? "page=last" : $"page={Page}").Append("&page_size=").Append(PageSize).Append('&');
        }

        return text.Length == 0 ? "" : text.ToString(0, text.Length - 1);
    }

    private string NestedKey() => NestedReads is null
        ? ""
        : string.Concat(NestedReads.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => $"|{n.Key}={string.Join(',', n.Value)}"));

    private void AppendReads(StringBuilder text)
    {
        foreach (var field in Reads ?? [])
        {
            text.Append("field=").Append(Uri.EscapeDataString(field)).Append('&');
        }
    }

    private void AppendFilters(StringBuilder text)
    {
        foreach (var (key, values) in Filters)
        {
            foreach (var value in values)
            {
                text.Append(key).Append('=').Append(Uri.EscapeDataString(value ?? "")).Append('&');
            }
        }
    }
}
