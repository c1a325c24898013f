namespace Waldur.Emulator.Waldur;

/// <summary>
/// Waldur's <c>LinkHeaderPagination</c> (DRF <c>PageNumberPagination</c> over Django's <c>Paginator</c>): page size
/// (U17), page number (U18) and the <c>Link</c> header (U19).
/// </summary>
internal sealed record PageWindow(int Page, int PageSize, int Count, int PageCount)
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 300;

    public int Offset => (Page - 1) * PageSize;

    public int Length => Math.Max(0, Math.Min(PageSize, Count - Offset));

    public static int PageSizeOf(QueryString query) =>
        PythonInt.TryParse(query.Last("page_size"), out var size) && size > 0 ? (int)Math.Min(size, MaxPageSize) : DefaultPageSize;

    /// <summary>The window, or null for <c>Invalid page.</c></summary>
    public static PageWindow? Resolve(QueryString query, int count)
    {
        var size = PageSizeOf(query);
        var pages = Math.Max(1, (count + size - 1) / size);
        var raw = query.Last("page");
        long page;
        if (string.IsNullOrEmpty(raw))
        {
            page = 1;
        }
        else if (raw == "last")
        {
            page = pages;
        }
        else if (!PythonInt.TryParse(raw, out page))
        {
            return null;
        }

        return page < 1 || page > pages ? null : new PageWindow((int)page, size, count, pages);
    }

    /// <summary><c>first</c>, <c>prev</c>, <c>next</c>, <c>last</c> in that order; page 1 is written without <c>page</c>.</summary>
    public string LinkHeader(string listUrl, QueryString query)
    {
        var links = new List<string>(4) { Link(listUrl, query, null, "first") };
        if (Page > 1)
        {
            links.Add(Link(listUrl, query, Page - 1 == 1 ? null : Page - 1, "prev"));
        }

        if (Page < PageCount)
        {
            links.Add(Link(listUrl, query, Page + 1, "next"));
        }

        links.Add(Link(listUrl, query, PageCount == 1 ? null : PageCount, "last"));
        return string.Join(", ", links);
    }

    private static string Link(string listUrl, QueryString query, int? page, string rel)
    {
        var encoded = query.EncodeWithPage(page);
        return $"<{listUrl}{(encoded.Length > 0 ? "?" + encoded : "")}>; rel=\"{rel}\"";
    }
}
