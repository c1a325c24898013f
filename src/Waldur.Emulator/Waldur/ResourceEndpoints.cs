using System.Buffers;
using System.Globalization;
using Waldur.Emulator.Data;

namespace Waldur.Emulator.Waldur;

/// <summary>The list (U8, U16–U19a) and retrieve (U13, U23) actions of the image and region viewsets.</summary>
internal sealed class ResourceEndpoints(EmulatorDataset dataset, JsonCache json)
{
    public Task ListAsync(ResourceRequest request)
    {
        var images = request.Route.Resource == WaldurResource.Images;
        var filter = request.Parameters.Filter;
        IReadOnlyList<EmulatorImage> imageRows = [];
        IReadOnlyList<EmulatorRegion> regionRows = [];
        if (images)
        {
            imageRows = dataset.ListImages(filter, request.Parameters.Ordering, request.Token);
        }
        else
        {
            regionRows = dataset.ListRegions(filter);
        }

        var count = images ? imageRows.Count : regionRows.Count;
        var window = PageWindow.Resolve(request.Query, count);
        if (window is null)
        {
            return DrfResponses.DetailAsync(request.Context, StatusCodes.Status404NotFound, "Invalid page.");
        }

        var listUrl = request.BaseUrl + (images ? ResourceJson.ImagesPath : ResourceJson.RegionsPath);
        var headers = request.Context.Response.Headers;
        headers["X-Result-Count"] = count.ToString(CultureInfo.InvariantCulture);
        headers.Link = window.LinkHeader(listUrl, request.Query);
        var items = new byte[window.Length][];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = images
                ? json.Image(imageRows[window.Offset + i], request.BaseUrl)
                : json.Region(regionRows[window.Offset + i], request.BaseUrl);
        }

        return WriteArrayAsync(request.Context, items);
    }

    public Task RetrieveAsync(ResourceRequest request)
    {
        var context = request.Context;
        var uuid = UuidLookup.Normalize(request.Route.Lookup!);
        var filter = request.Parameters.Filter;
        if (request.Route.Resource == WaldurResource.Images)
        {
            var image = uuid is null ? null : dataset.FindImage(uuid, request.Token);
            return image is not null && filter.Matches(image)
                ? DrfResponses.BytesAsync(context, StatusCodes.Status200OK, "application/json", json.Image(image, request.BaseUrl))
                : DrfResponses.DetailAsync(context, StatusCodes.Status404NotFound, "No Image matches the given query.");
        }

        var region = uuid is null ? null : dataset.FindRegion(uuid);
        return region is not null && filter.Matches(region)
            ? DrfResponses.BytesAsync(context, StatusCodes.Status200OK, "application/json", json.Region(region, request.BaseUrl))
            : DrfResponses.DetailAsync(context, StatusCodes.Status404NotFound, "No Region matches the given query.");
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
