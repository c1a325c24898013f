using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Waldur.GraphGateway.Http;

/// <summary>
/// Banana Cake Pop, served from the npm package copied next to the binaries at build time (folder <c>ide/</c>).
/// Its page loads relative assets and workers, so it lives under <c>/graphql/</c>; browsers asking <c>/graphql</c>
/// are redirected there, and it posts its queries back to the page URL (<c>useBrowserUrlAsEndpoint</c>).
/// </summary>
internal sealed class IdeAssets
{
    private readonly PhysicalFileProvider? _files;
    private readonly FileExtensionContentTypeProvider _contentTypes = new();
    private readonly ILogger<IdeAssets> _logger;

    public IdeAssets(ILogger<IdeAssets> logger)
    {
        _logger = logger;
        var root = Path.Combine(AppContext.BaseDirectory, "ide");
        _files = File.Exists(Path.Combine(root, "index.html")) ? new PhysicalFileProvider(root) : null;
        // Its web workers load scripts with importScripts, which refuses anything but a JavaScript type.
        _contentTypes.Mappings[".js"] = "text/javascript";
        _contentTypes.Mappings[".mjs"] = "text/javascript";
        _contentTypes.Mappings[".webmanifest"] = "application/manifest+json";
    }

    public bool Available => _files is not null;

    public async Task ServeIndexAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Path.Value!.EndsWith('/'))
        {
            context.Response.Redirect($"{context.Request.PathBase}{context.Request.Path}/{context.Request.QueryString}");
            return;
        }

        await ServeFileAsync(context, "index.html");
    }

    public async Task ServeFileAsync(HttpContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = _files?.GetFileInfo(path);
        if (file is null || !file.Exists || file.IsDirectory)
        {
            if (_files is null)
            {
                _logger.LogWarning("The IDE assets are missing next to the binaries (run npm ci in src/Waldur.GraphGateway/ide and rebuild)");
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = _contentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream";
        // Files under static/ carry a content hash in their names; the page itself must always be fresh.
        context.Response.Headers.CacheControl = path.StartsWith("static/", StringComparison.Ordinal) ? "public, max-age=31536000, immutable" : "no-cache";
        await context.Response.SendFileAsync(file, context.RequestAborted);
    }
}
