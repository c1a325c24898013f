using System.Text;
using Microsoft.Extensions.Primitives;

namespace Waldur.GraphGateway.WaldurApi;

/// <summary>
/// One Waldur list request: filter parameters (U9, U10; a parameter with several values is repeated, as Waldur's
/// multi-value filters take them), one comma-separated <c>o</c> (U15) and a <c>page</c>/<c>page_size</c> pair (U17).
/// <see cref="LastPage"/> sends <c>page=last</c> (U18). Filters are kept sorted so equal queries produce equal keys
/// (scans and pages are shared by <see cref="FilterKey"/>).
/// </summary>
public sealed record WaldurListQuery(SortedDictionary<string, StringValues> Filters, string? Ordering, int Page, int PageSize)
{
    public const int MaxPageSize = 300;

    public bool LastPage { get; init; }

    /// <summary>
    /// Waldur keys to ask for with <c>field=</c> (repeated, C8), for lists that take it; null: every field. Part of
    /// <see cref="FilterKey"/>: rows read with fewer fields never answer a read that needs more.
    /// </summary>
    public IReadOnlyList<string>? Fields { get; init; }

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
            AppendFields(text);
            return text.Append("o=").Append(Ordering).ToString();
        }
    }

    public WaldurListQuery WithPage(int page, int pageSize) => this with { Page = page, PageSize = pageSize, LastPage = false };

    /// <summary>The query string (without <c>?</c>); <paramref name="includePaging"/> is false for a HEAD count.</summary>
    public string ToQueryString(bool includePaging = true)
    {
        var text = new StringBuilder();
        AppendFilters(text);
        AppendFields(text);
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

    private void AppendFields(StringBuilder text)
    {
        foreach (var field in Fields ?? [])
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
