using Microsoft.Net.Http.Headers;

namespace Waldur.GraphGateway.Http;

/// <summary>Content negotiation of the GraphQL-over-HTTP spec: which of its two response media types to send.</summary>
internal static class ResponseMediaType
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// The preferred supported type in <paramref name="accept"/>, by quality then order; <c>application/json</c> when
    /// the header is missing or accepts anything (the spec's advice for the watershed period); <c>null</c> when it
    /// allows neither, which is a 406.
    /// </summary>
    public static string? Negotiate(IList<string>? accept)
    {
        if (accept is null || accept.Count == 0 || accept.All(string.IsNullOrWhiteSpace))
        {
            return Json;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var parsed))
        {
            return Json;
        }

        return parsed
            .Select((media, index) => (media, index, quality: media.Quality ?? 1.0))
            .Where(x => x.quality > 0)
            .OrderByDescending(x => x.quality)
            .ThenBy(x => x.index)
            .Select(x => Supported(x.media.MediaType.Value))
            .FirstOrDefault(type => type is not null);
    }

    /// <summary>Whether a browser asked for a page (the IDE) rather than a GraphQL response.</summary>
    public static bool PrefersHtml(IList<string>? accept) =>
        accept is not null
        && MediaTypeHeaderValue.TryParseList(accept, out var parsed)
        && parsed.Any(m => string.Equals(m.MediaType.Value, "text/html", StringComparison.OrdinalIgnoreCase) && (m.Quality ?? 1.0) > 0);

    private static string? Supported(string? mediaType) => mediaType?.ToLowerInvariant() switch
    {
        GraphQLResponseJson => GraphQLResponseJson,
        Json or "application/*" or "*/*" => Json,
        _ => null,
    };
}
