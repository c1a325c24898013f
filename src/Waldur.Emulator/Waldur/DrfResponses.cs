using System.Text;

namespace Waldur.Emulator.Waldur;

/// <summary>Writes responses the way Django and DRF do: JSON without charset, no body for HEAD, Django's HTML 404.</summary>
internal static class DrfResponses
{
    public const string AllowedMethods = "GET, HEAD, OPTIONS";

    private const string DjangoNotFoundPage =
        "<!doctype html>\n<html lang=\"en\">\n<head>\n  <title>Not Found</title>\n</head>\n<body>\n"
        + "  <h1>Not Found</h1><p>The requested resource was not found on this server.</p>\n</body>\n</html>\n";

    /// <summary>Headers DRF's <c>APIView.finalize_response</c> puts on every response of these views.</summary>
    public static void AddViewHeaders(HttpResponse response)
    {
        response.Headers.Allow = AllowedMethods;
        response.Headers.Vary = "Accept";
    }

    public static Task JsonAsync(HttpContext context, int status, string json) =>
        BytesAsync(context, status, "application/json", Encoding.UTF8.GetBytes(json));

    public static Task DetailAsync(HttpContext context, int status, string detail) =>
        JsonAsync(context, status, JsonText.Detail(detail));

    /// <summary>DRF's <c>Response(status=...)</c> without data: the renderer writes nothing and
    /// <c>Response.rendered_content</c> then deletes the <c>Content-Type</c> header; <c>Content-Length: 0</c>.</summary>
    public static Task EmptyAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    public static Task DjangoNotFoundAsync(HttpContext context) =>
        BytesAsync(context, StatusCodes.Status404NotFound, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(DjangoNotFoundPage));

    /// <summary>Django's APPEND_SLASH redirect (U2): a permanent redirect to the slashed path, relative, query kept.</summary>
    public static Task AppendSlashRedirectAsync(HttpContext context)
    {
        var query = context.Request.QueryString.HasValue ? context.Request.QueryString.Value : "";
        context.Response.Headers.Location = context.Request.Path.ToUriComponent() + "/" + query;
        return BytesAsync(context, StatusCodes.Status301MovedPermanently, "text/html; charset=utf-8", []);
    }

    public static async Task BytesAsync(HttpContext context, int status, string contentType, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method) && body.Length > 0)
        {
            await response.Body.WriteAsync(body);
        }
    }

    public static string? HeaderValue(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) ? values.ToString() : null;
}
