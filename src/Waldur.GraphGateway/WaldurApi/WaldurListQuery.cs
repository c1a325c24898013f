using System.Text;

namespace Waldur.GraphGateway.WaldurApi;

/// <summary>
/// One Waldur list request: exact-match/substring filters (U9, U10), one comma-separated <c>o</c> (U15) and a
/// <c>page</c>/<c>page_size</c> pair (U17). <see cref="LastPage"/> sends <c>page=last</c> (U18). Filters are kept
/// sorted so equal queries produce equal keys (scans and pages are shared by <see cref="FilterKey"/>).
/// </summary>
public sealed record WaldurListQuery(SortedDictionary<string, string> Filters, string? Ordering, int Page, int PageSize)
{
    public const int MaxPageSize = 300;

    public bool LastPage { get; init; }

    /// <summary>Every row, page 1 at the largest page size: the query whose count and scan by-uuid batches reuse.</summary>
    public static WaldurListQuery Unfiltered() => new(new SortedDictionary<string, string>(StringComparer.Ordinal), null, 1, MaxPageSize);

    /// <summary>The filters and ordering alone: what decides the rows, not which page of them.</summary>
    public string FilterKey
    {
        get
        {
            var text = new StringBuilder();
            foreach (var (key, value) in Filters)
            {
                text.Append(key).Append('=').Append(Uri.EscapeDataString(value)).Append('&');
            }

            return text.Append("o=").Append(Ordering).ToString();
        }
    }

    public WaldurListQuery WithPage(int page, int pageSize) => this with { Page = page, PageSize = pageSize, LastPage = false };

    /// <summary>The query string (without <c>?</c>); <paramref name="includePaging"/> is false for a HEAD count.</summary>
    public string ToQueryString(bool includePaging = true)
    {
        var parts = new List<string>();
        foreach (var (key, value) in Filters)
        {
            parts.Add($"{key}={Uri.EscapeDataString(value)}");
        }

        if (!string.IsNullOrEmpty(Ordering))
        {
            parts.Add($"o={Uri.EscapeDataString(Ordering)}");
        }

        if (includePaging)
        {
            parts.Add(LastPage ? "page=last" : $"page={Page}");
            parts.Add($"page_size={PageSize}");
        }

        return string.Join('&', parts);
    }
}
