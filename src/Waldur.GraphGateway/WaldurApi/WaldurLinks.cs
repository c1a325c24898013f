namespace Waldur.GraphGateway.WaldurApi;

/// <summary>The parsed <c>Link</c> header of a list response (U19); <c>First</c>/<c>Last</c> are always sent by Waldur.</summary>
public sealed record WaldurLinks(Uri? First, Uri? Prev, Uri? Next, Uri? Last)
{
    public static readonly WaldurLinks None = new(null, null, null, null);

    /// <summary>
    /// Parses <c>&lt;url&gt;; rel="x", …</c>. Commas inside the URLs are encoded as <c>%2C</c> by Waldur (U19), but the
    /// parser still splits on the closing <c>&gt;</c> rather than on commas so a raw comma cannot cut a URL.
    /// </summary>
    public static WaldurLinks Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return None;
        }

        Uri? first = null, prev = null, next = null, last = null;
        var rest = header.AsSpan();
        while (true)
        {
            var open = rest.IndexOf('<');
            if (open < 0)
            {
                break;
            }

            var close = rest[(open + 1)..].IndexOf('>');
            if (close < 0)
            {
                break;
            }

            var url = rest.Slice(open + 1, close).ToString();
            rest = rest[(open + close + 2)..];
            var end = rest.IndexOf('<');
            var parameters = (end < 0 ? rest : rest[..end]).ToString();
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                continue;
            }

            switch (RelOf(parameters))
            {
                case "first": first = uri; break;
                case "prev": prev = uri; break;
                case "next": next = uri; break;
                case "last": last = uri; break;
            }
        }

        return new WaldurLinks(first, prev, next, last);
    }

    private static string? RelOf(string parameters)
    {
        foreach (var part in parameters.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("rel=", StringComparison.OrdinalIgnoreCase))
            {
                return part[4..].Trim('"', ' ', ',').ToLowerInvariant();
            }
        }

        return null;
    }
}
