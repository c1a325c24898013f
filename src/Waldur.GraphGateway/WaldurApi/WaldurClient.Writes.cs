using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Waldur.GraphGateway.Errors;

namespace Waldur.GraphGateway.WaldurApi;

/// <summary>
/// Writes: one request, never repeated by the gateway (the resilience pipeline retries no unsafe method), never cached.
/// What cannot be known is said as such: a write whose request may have reached Waldur but whose answer never came
/// (a timeout, a reset, a 5xx) is <c>WALDUR_OUTCOME_UNKNOWN</c>, so the client re-reads before it retries; one that
/// never left (connection refused, circuit open) is <c>UPSTREAM_UNAVAILABLE</c> and safe to send again.
/// </summary>
internal sealed partial class WaldurClient
{
    public Task<WaldurWriteResult> WriteAsync(HttpMethod method, string relativeUrl, byte[]? body, CancellationToken cancellationToken) =>
        WriteCoreAsync(method, relativeUrl, body, cancellationToken);

    private async Task<WaldurWriteResult> WriteCoreAsync(HttpMethod method, string relativeUrl, byte[]? body, CancellationToken cancellationToken)
    {
        var authorization = Authorization();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Value.Resilience.TotalTimeout);
        using var request = new HttpRequestMessage(method, relativeUrl);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token);
            var bytes = await response.Content.ReadAsByteArrayAsync(deadline.Token);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Waldur {Method} {Path} -> {Status}", method, relativeUrl, (int)response.StatusCode);
            }

            if ((int)response.StatusCode == 401)
            {
                throw WaldurErrors.FromStatus(response.StatusCode, null);
            }

            if ((int)response.StatusCode >= 500)
            {
                throw await OutcomeUnknownAsync(method, relativeUrl, authorization, $"Waldur answered {(int)response.StatusCode}");
            }

            if (response.StatusCode == HttpStatusCode.NotFound
                && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
            {
                throw await NoSuchWriteAsync(relativeUrl, authorization, cancellationToken);
            }

            var result = new WaldurWriteResult(response.StatusCode, bytes);
            if (result.Succeeded)
            {
                // Reads after writes: the caller's cached answers may show what was just changed.
                await cache.ForgetCallerAsync(authorization, call, CancellationToken.None);
            }

            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (NeverLeft(e))
        {
            throw WaldurErrors.Unavailable(e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException)
        {
            throw await OutcomeUnknownAsync(method, relativeUrl, authorization,
                e is HttpRequestException or IOException ? "the connection failed before Waldur answered" : "Waldur did not answer in time");
        }
    }

    /// <summary>
    /// Django's HTML 404: no URL pattern of this Waldur matches the path (a write of a newer release, or a path value its
    /// pattern does not take). Nothing was written; DRF's own 404s (an object not there) are JSON and stay user errors.
    /// </summary>
    private async Task<GatewayException> NoSuchWriteAsync(string relativeUrl, string authorization, CancellationToken cancellationToken)
    {
        if (facts.Version is null)
        {
            await LearnVersionAsync(authorization, cancellationToken);
        }

        return new GatewayException(ErrorCodes.EndpointUnavailable,
            $"{facts.VersionText} has no URL pattern for /{relativeUrl} (it answered 404 with its HTML page): this write is not available from the connected Waldur.");
    }

    /// <summary>The request never reached Waldur: nothing was written, so sending it again is safe.</summary>
    private static bool NeverLeft(Exception e) =>
        e is Polly.CircuitBreaker.BrokenCircuitException
        || (e is HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound } });

    /// <summary>The write may have been applied: the caller's cached answers go as after a write, and the client is told to read.</summary>
    private async Task<GatewayException> OutcomeUnknownAsync(HttpMethod method, string relativeUrl, string authorization, string what)
    {
        await cache.ForgetCallerAsync(authorization, call, CancellationToken.None);
        return new GatewayException(ErrorCodes.OutcomeUnknown,
            $"{method} /{relativeUrl} was sent, but {what}: Waldur may or may not have applied it. Read the object again before retrying; " +
            "the gateway sent it once and did not retry.");
    }
}

/// <summary>A write's answer that is the caller's to see: success (2xx) or a refusal (400, 403, 404, 405, 409).</summary>
internal sealed record WaldurWriteResult(HttpStatusCode Status, byte[] Body)
{
    public bool Succeeded => (int)Status is >= 200 and < 300;
}
