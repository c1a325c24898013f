using System.Buffers;
using System.Globalization;

namespace Waldur.Emulator.Waldur;

/// <summary>The list (U8, U16–U19a) and retrieve (U13, U23) actions, the same for every <see cref="IEmulatedResource"/>.</summary>
internal static class ResourceEndpoints
{
    public static Task ListAsync(ResourceRequest request)
    {
        var rows = request.Parameters.List(request.Token);
        var count = rows.Count;
        if (!request.Route.Resource.Paged)
        {
            return WriteArrayAsync(request.Context, [.. Enumerable.Range(0, count).Select(i => rows.Json(i, request.BaseUrl))]);
        }

        var window = PageWindow.Resolve(request.Query, count);
        if (window is null)
        {
            return DrfResponses.DetailAsync(request.Context, StatusCodes.Status404NotFound, "Invalid page.");
        }

        var listUrl = request.BaseUrl + request.Route.Resource.Prefix + "/";
        var headers = request.Context.Response.Headers;
        headers["X-Result-Count"] = count.ToString(CultureInfo.InvariantCulture);
        headers.Link = window.LinkHeader(listUrl, request.Query);
        var items = new byte[window.Length][];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = rows.Json(window.Offset + i, request.BaseUrl);
        }

        return WriteArrayAsync(request.Context, items);
    }

    public static Task RetrieveAsync(ResourceRequest request)
    {
        var context = request.Context;
        var uuid = request.Route.Resource.Lookup(request.Route.Lookup!);
        var body = uuid is null ? null : request.Parameters.Retrieve(uuid, request.Token, request.BaseUrl);
        return body is not null
            ? DrfResponses.BytesAsync(context, StatusCodes.Status200OK, "application/json", body)
            : DrfResponses.DetailAsync(context, StatusCodes.Status404NotFound, $"No {request.Route.Resource.ModelName} matches the given query.");
    }

    private static async Task WriteArrayAsync(HttpContext context, byte[][] items)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.ContentLength = 2 + Math.Max(0, items.Length - 1) + items.Sum(i => (long)i.Length);
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        var writer = response.BodyWriter;
        writer.Write("["u8);
        for (var i = 0; i < items.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(","u8);
            }

            writer.Write(items[i]);
        }

        writer.Write("]"u8);
        await writer.FlushAsync();
    }
}
