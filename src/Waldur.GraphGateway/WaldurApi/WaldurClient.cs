using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Errors;

namespace Waldur.GraphGateway.WaldurApi;

/// <summary>
/// The typed client behind <see cref="IWaldurClient"/>. The resilience pipeline lives in the HttpClient (Hosting);
/// this class forwards credentials, streams bodies through the source-generated context and translates failures once.
/// </summary>
public sealed class WaldurClient(
    HttpClient http,
    IHttpContextAccessor httpContextAccessor,
    IOptions<WaldurOptions> options,
    ILogger<WaldurClient> logger) : IWaldurClient
{
    public Task<WaldurPage> ListAsync(WaldurEndpoint endpoint, WaldurListQuery query, CancellationToken cancellationToken) =>
        WithinDeadlineAsync(token => ListCoreAsync(endpoint, query, token), cancellationToken);

    public Task<WaldurRow?> RetrieveAsync(WaldurEndpoint endpoint, string uuid, CancellationToken cancellationToken) =>
        WithinDeadlineAsync(token => RetrieveCoreAsync(endpoint, uuid, token), cancellationToken);

    public Task<int> CountAsync(WaldurEndpoint endpoint, WaldurListQuery query, CancellationToken cancellationToken) =>
        WithinDeadlineAsync(token => CountCoreAsync(endpoint, query, token), cancellationToken);

    /// <summary>
    /// The pipeline's timeouts end when the response headers arrive; a body that stalls mid-stream would hold the
    /// field (and the whole operation) until the execution deadline. So the total timeout bounds the body too.
    /// </summary>
    private async Task<TResult> WithinDeadlineAsync<TResult>(Func<CancellationToken, Task<TResult>> call, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Value.Resilience.TotalTimeout);
        try
        {
            return await call(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw WaldurErrors.Unavailable(e);
        }
    }

    private async Task<WaldurPage> ListCoreAsync(WaldurEndpoint endpoint, WaldurListQuery query, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"{endpoint.Path}?{query.ToQueryString()}", cancellationToken)
            .ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new WaldurInvalidPageException();
        }

        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        var total = ResultCount(response);
        using var body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        var items = RowReader.ReadList(body.Span, endpoint.Shape, query.Fields);
        var page = query.LastPage ? Math.Max(1, (total + query.PageSize - 1) / query.PageSize) : query.Page;
        return new WaldurPage(items, total, page, Math.Min(query.PageSize, WaldurListQuery.MaxPageSize));
    }

    private async Task<WaldurRow?> RetrieveCoreAsync(WaldurEndpoint endpoint, string uuid, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"{endpoint.Path}{Uri.EscapeDataString(uuid)}/", cancellationToken)
            .ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        using var body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        return RowReader.ReadItem(body.Span, endpoint.Shape);
    }

    private async Task<int> CountCoreAsync(WaldurEndpoint endpoint, WaldurListQuery query, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Head, $"{endpoint.Path}?{query.ToQueryString(includePaging: false)}", cancellationToken)
            .ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return ResultCount(response);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string relativeUrl, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, relativeUrl);
        request.Headers.TryAddWithoutValidation("Authorization", Authorization());
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("Waldur {Method} {Path} -> {Status}", method, relativeUrl, (int)response.StatusCode);
            }

            return response;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException
                                      or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            // The exception text may carry the URL but never headers, so the token stays out of the log.
            logger.LogWarning("Waldur {Method} {Path} failed: {Error}", method, relativeUrl, e.GetType().Name);
            throw WaldurErrors.Unavailable(e);
        }
    }

    /// <summary>Only the caller's <c>Authorization</c> goes to Waldur (U14: Waldur decides who sees what).</summary>
    private string Authorization()
    {
        var header = httpContextAccessor.HttpContext?.Request.Headers.Authorization.ToString();
        if (!string.IsNullOrWhiteSpace(header))
        {
            return header;
        }

        var serviceToken = options.Value.ServiceToken;
        if (!string.IsNullOrWhiteSpace(serviceToken))
        {
            return serviceToken.Contains(' ', StringComparison.Ordinal) ? serviceToken : $"Token {serviceToken}";
        }

        throw new GatewayException(ErrorCodes.NotAuthenticated,
            "Send an Authorization header (Token <key> or Bearer <token>): Waldur has no anonymous access.");
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await WaldurErrors.ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
            throw WaldurErrors.FromStatus(response.StatusCode, body);
        }
    }

    private static int ResultCount(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("X-Result-Count", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return count;
        }

        throw WaldurErrors.Unreadable("a list response without a valid X-Result-Count header (U19)");
    }

    /// <summary>
    /// The whole body, bounded by the caller's deadline, then parsed in one synchronous pass (<see cref="RowReader"/>):
    /// parsing chunk by chunk as bytes arrive costs more than the copy. The buffer is pooled (<see cref="PooledBody"/>).
    /// </summary>
    private static async Task<PooledBody> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await PooledBody.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw WaldurErrors.Unavailable(e);
        }
        catch (IOException e)
        {
            throw WaldurErrors.Unavailable(e);
        }
    }
}
