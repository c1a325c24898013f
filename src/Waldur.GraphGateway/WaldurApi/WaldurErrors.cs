using System.Net;
using System.Text;
using System.Text.Json;
using Waldur.GraphGateway.Schema;

namespace Waldur.GraphGateway.WaldurApi;

/// <summary>
/// The one place Waldur failures become client-facing errors (DESIGN.md): status first (U21: the text follows
/// <c>Accept-Language</c>, so never key on it), Waldur's own message only for a 400, where it says what was wrong.
/// </summary>
internal static class WaldurErrors
{
    private const int MaxErrorBodyChars = 2000;

    public static GatewayError FromStatus(HttpStatusCode status, string? body) => (int)status switch
    {
        401 => new GatewayError(ErrorCodes.NotAuthenticated, "Waldur did not accept the caller's credentials (401)."),
        403 => new GatewayError(ErrorCodes.NotAuthorized, "Waldur refused the caller access (403)."),
        400 => new GatewayError(ErrorCodes.UpstreamBadRequest, $"Waldur rejected the request: {MessageOf(body)}"),
        408 or 429 or >= 500 => new GatewayError(ErrorCodes.UpstreamUnavailable,
            $"Waldur is unavailable (HTTP {(int)status}) after retries."),
        _ => new GatewayError(ErrorCodes.UpstreamInvalidResponse, $"Waldur answered an unexpected HTTP {(int)status}."),
    };

    public static GatewayError Unavailable(Exception inner) => new(ErrorCodes.UpstreamUnavailable,
        inner is Polly.CircuitBreaker.BrokenCircuitException
            ? "Waldur is unavailable: too many recent failures, calls are paused briefly (circuit open)."
            : inner is Polly.Timeout.TimeoutRejectedException or TaskCanceledException
                ? "Waldur did not answer in time."
                : "Waldur could not be reached.",
        inner);

    public static GatewayError Unreadable(string what, Exception? inner = null) =>
        new(ErrorCodes.UpstreamInvalidResponse, $"Waldur sent an unreadable response: {what}.", inner);

    public static async Task<string?> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return text.Length > MaxErrorBodyChars ? text[..MaxErrorBodyChars] : text;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>DRF bodies (U21): <c>{"detail": "…"}</c> or field → list of messages.</summary>
    private static string MessageOf(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "(no details)";
        }

        try
        {
            var fields = JsonSerializer.Deserialize(body, WaldurJsonContext.Default.DictionaryStringJsonElement);
            if (fields is null)
            {
                return body;
            }

            var text = new StringBuilder();
            foreach (var (key, value) in fields)
            {
                var message = value.ValueKind == JsonValueKind.Array
                    ? string.Join(" ", value.EnumerateArray().Select(v => v.ToString()))
                    : value.ToString();
                text.Append(text.Length > 0 ? "; " : "").Append(key == "detail" ? message : $"{key}: {message}");
            }

            return text.ToString();
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
