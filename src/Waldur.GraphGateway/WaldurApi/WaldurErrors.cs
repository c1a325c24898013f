using System.Net;
using System.Text;
using System.Text.Json;
using Waldur.GraphGateway.Errors;

namespace Waldur.GraphGateway.WaldurApi;

/// <summary>
/// The one place Waldur failures become client-facing errors: status first (U21: the text follows
/// <c>Accept-Language</c>, so never key on it), Waldur's own message only for a 400, where it says what was wrong.
/// </summary>
internal static class WaldurErrors
{
    private const int MaxErrorBodyChars = 2000;

    public static GatewayException FromStatus(HttpStatusCode status, string? body, string? request = null) => (int)status switch
    {
        401 => new GatewayException(ErrorCodes.NotAuthenticated, "Waldur did not accept the caller's credentials (401)."),
        403 => new GatewayException(ErrorCodes.NotAuthorized, "Waldur refused the caller access (403)."),
        400 when string.IsNullOrWhiteSpace(body) => new GatewayException(ErrorCodes.UpstreamBadRequest,
            $"Waldur rejected GET /{request} (400) without saying why; this list may require a query parameter its OpenAPI document does not declare."),
        400 => new WaldurBadRequestException($"Waldur rejected the request: {DetailOf(body)}", FieldsOf(body)),
        408 or 429 or >= 500 => new GatewayException(ErrorCodes.UpstreamUnavailable,
            $"Waldur is unavailable (HTTP {(int)status}) after retries."),
        _ => new GatewayException(ErrorCodes.UpstreamInvalidResponse, $"Waldur answered an unexpected HTTP {(int)status}."),
    };

    public static GatewayException Unavailable(Exception inner) => new(ErrorCodes.UpstreamUnavailable,
        inner is Polly.CircuitBreaker.BrokenCircuitException
            ? "Waldur is unavailable: too many recent failures, calls are paused briefly (circuit open)."
            : inner is Polly.Timeout.TimeoutRejectedException or OperationCanceledException
                ? "Waldur did not answer in time."
                : "Waldur could not be reached.",
        inner);

    public static GatewayException Unreadable(string what, Exception? inner = null) =>
        new(ErrorCodes.UpstreamInvalidResponse, $"Waldur sent an unreadable response: {what}.", inner);

    public static async Task<string?> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return text.Length > MaxErrorBodyChars ? text[..MaxErrorBodyChars] : text;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>The keys of a DRF validation body (<c>{"o": ["Select a valid choice. …"]}</c>): the parameters Waldur refused.</summary>
    private static IReadOnlyList<string> FieldsOf(string? body)
    {
        try
        {
            using var document = JsonDocument.Parse(body ?? "");
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? [.. document.RootElement.EnumerateObject().Select(p => p.Name).Where(n => n is not ("detail" or "non_field_errors"))]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>DRF bodies (U21): <c>{"detail": "…"}</c> or field → list of messages.</summary>
    public static string DetailOf(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "(no details)";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return body;
            }

            var text = new StringBuilder();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var value = property.Value;
                var message = value.ValueKind == JsonValueKind.Array
                    ? string.Join(" ", value.EnumerateArray().Select(v => v.ToString()))
                    : value.ToString();
                text.Append(text.Length > 0 ? "; " : "").Append(property.Name == "detail" ? message : $"{property.Name}: {message}");
            }

            return text.ToString();
        }
        catch (JsonException)
        {
            return body;
        }
    }
}

/// <summary>Waldur's 400 (<c>UPSTREAM_BAD_REQUEST</c>), with the request parameters its body names.</summary>
internal sealed class WaldurBadRequestException(string message, IReadOnlyList<string> fields)
    : GatewayException(ErrorCodes.UpstreamBadRequest, message)
{
    public IReadOnlyList<string> Fields { get; } = fields;
}
