namespace Waldur.Emulator.Waldur;

/// <summary>
/// DRF's <c>DefaultContentNegotiation</c> over Waldur's two renderers (JSON and the browsable API) (U24): a <c>format</c>
/// (suffix or query parameter) other than <c>json</c>/<c>api</c> is a 404, an <c>Accept</c> header that matches neither
/// renderer is a 406. The browsable API is answered with JSON.
/// </summary>
internal static class ContentNegotiation
{
    public const string NotAcceptable = "Could not satisfy the request Accept header.";
    public const string NotFound = "Not found.";

    public static bool FormatIsKnown(string? format) => string.IsNullOrEmpty(format) || format is "json" or "api";

    public static bool AcceptIsSatisfiable(string? accept)
    {
        if (accept is null)
        {
            return true;
        }

        foreach (var entry in accept.Split(','))
        {
            var fullType = entry.Split(';')[0].Trim();
            var slash = fullType.IndexOf('/', StringComparison.Ordinal);
            var main = slash < 0 ? fullType : fullType[..slash];
            var sub = slash < 0 ? "" : fullType[(slash + 1)..];
            if (Matches(main, sub, "application", "json") || Matches(main, sub, "text", "html"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(string main, string sub, string rendererMain, string rendererSub) =>
        (main == "*" || main == rendererMain) && (sub == "*" || sub == rendererSub);
}
