using System.Diagnostics;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace Waldur.Catalog.Generator;

/// <summary>Reads the vendored Waldur OpenAPI document, tolerating only the reader errors Waldur 8.0.5 is known to cause.</summary>
public static class SpecLoader
{
    private const string NullSchemaMessage = "schema must be a map/object";

    /// <summary>
    /// The two <c>details/</c> retrieve operations of Waldur 8.0.5 declare 204 and 404 responses whose JSON schema is null;
    /// Microsoft.OpenApi reports each as an error (its pointer also carries unrelated path segments, so we match the end).
    /// </summary>
    private static readonly string[] KnownErrorPointerEnds =
    [
        "/~1api~1marketplace-provider-resources~1{uuid}~1details~1/get/responses/404/content/application~1json/schema",
        "/~1api~1marketplace-provider-resources~1{uuid}~1details~1/get/responses/204/content/application~1json/schema",
        "/~1api~1marketplace-resources~1{uuid}~1details~1/get/responses/404/content/application~1json/schema",
        "/~1api~1marketplace-resources~1{uuid}~1details~1/get/responses/204/content/application~1json/schema",
    ];

    public static bool IsKnownError(OpenApiError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return string.Equals(error.Message, NullSchemaMessage, StringComparison.Ordinal)
            && KnownErrorPointerEnds.Any(end => error.Pointer?.EndsWith(end, StringComparison.Ordinal) == true);
    }

    public static async Task<SpecLoadResult> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
        settings.TryAddReader(OpenApiConstants.Yaml, new OpenApiYamlReader());
        await using var stream = File.OpenRead(path);
        var result = await OpenApiDocument.LoadAsync(stream, OpenApiConstants.Yaml, settings, cancellationToken);
        var errors = result.Diagnostic?.Errors ?? [];
        var unknown = errors.Where(e => !IsKnownError(e)).ToList();
        if (unknown.Count > 0 || result.Document is null)
        {
            throw new CatalogException(
                $"{path}: {unknown.Count} unexpected OpenAPI reader error(s):\n" + string.Join("\n", unknown.Select(e => $"  {e.Message} at …{Tail(e.Pointer)}")));
        }

        return new SpecLoadResult(result.Document, errors.Count, stopwatch.Elapsed);
    }

    private static string Tail(string? pointer) => pointer is null ? "" : pointer.Length <= 160 ? pointer : pointer[^160..];
}

public sealed record SpecLoadResult(OpenApiDocument Document, int ToleratedErrors, TimeSpan Elapsed);
