using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.WaldurApi.Caching;
using Waldur.GraphGateway.Telemetry;

namespace Waldur.GraphGateway.WaldurApi;

/// <summary>
/// The typed client behind <see cref="IWaldurClient"/>. The resilience pipeline lives in the HttpClient (Hosting);
/// this class forwards credentials, streams bodies through the source-generated context and translates failures once.
/// GETs and HEAD counts go through the response cache (<see cref="WaldurResponseCache"/>, a pass-through unless
/// <c>Caching:Enabled</c>), which keeps Waldur's bytes; rows are read from them on every use.
/// </summary>
public sealed class WaldurClient(
    HttpClient http,
    IHttpContextAccessor httpContextAccessor,
    WaldurResponseCache cache,
    WaldurCallContext call,
    TimeProvider time,
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
        // A GET's 404 (null) is a page past the end (U20), or a parent that does not exist for a nested list.
        return await ReadAsync(HttpMethod.Get, endpoint, $"{endpoint.Path}?{query.ToQueryString(endpoint.Paged)}",
                   (body, resultCount) => ReadPage(body, resultCount, endpoint, query), null, cancellationToken).ConfigureAwait(false)
               ?? throw new WaldurInvalidPageException();
    }

    private static WaldurPage ReadPage(ReadOnlySpan<byte> body, int? resultCount, WaldurEndpoint endpoint, WaldurListQuery query)
    {
        var items = RowReader.ReadList(body, endpoint.Shape, query.Reads, query.NestedReads);
        if (!endpoint.Paged)
        {
            return new WaldurPage(items, items.Count, 1, Math.Max(1, items.Count));
        }

        var total = resultCount ?? throw NoResultCount();
        var page = query.LastPage ? Math.Max(1, (total + query.PageSize - 1) / query.PageSize) : query.Page;
        return new WaldurPage(items, total, page, Math.Min(query.PageSize, WaldurListQuery.MaxPageSize));
    }

    private Task<WaldurRow?> RetrieveCoreAsync(WaldurEndpoint endpoint, string uuid, CancellationToken cancellationToken) =>
        ReadAsync<WaldurRow?>(HttpMethod.Get, endpoint, $"{endpoint.Path}{Uri.EscapeDataString(uuid)}/",
            (body, _) => RowReader.ReadItem(body, endpoint.Shape), null, cancellationToken);

    private async Task<int> CountCoreAsync(WaldurEndpoint endpoint, WaldurListQuery query, CancellationToken cancellationToken)
    {
        if (!endpoint.Paged)
        {
            // No X-Result-Count without paging: the count is the length of the one response.
            return (await ListCoreAsync(endpoint, query, cancellationToken).ConfigureAwait(false)).TotalCount;
        }

        // A HEAD's 404 fails in EnsureSuccessAsync: only a GET's reads as "not found".
        return await ReadAsync(HttpMethod.Head, endpoint, $"{endpoint.Path}?{query.ToQueryString(includePaging: false)}",
            (_, resultCount) => resultCount ?? throw NoResultCount(), -1, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads what a caller needs from a body; the span may be a pooled buffer, valid only during the call.</summary>
    private delegate T BodyReader<out T>(ReadOnlySpan<byte> body, int? resultCount);

    /// <summary>
    /// A GET (or a HEAD count) as this caller, read by <paramref name="read"/>; <paramref name="notFound"/> on a GET's 404.
    /// Through the response cache when it applies to the endpoint (the bytes are then copied and kept); otherwise the
    /// body is a pooled buffer, returned as soon as it is read.
    /// </summary>
    private async Task<T> ReadAsync<T>(HttpMethod method, WaldurEndpoint endpoint, string relativeUrl, BodyReader<T> read, T notFound,
        CancellationToken cancellationToken)
    {
        var authorization = Authorization();
        if (!cache.AppliesTo(endpoint.Field))
        {
            using var response = await SendAsync(method, relativeUrl, authorization, cancellationToken).ConfigureAwait(false);
            if (IsNotFound(response, method))
            {
                return notFound;
            }

            await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
            using var body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
            return read(body.Span, TryResultCount(response));
        }

        // The method and the absolute URL: gateways of different Waldurs sharing one Redis never share entries.
        var answer = await cache.GetAsync(endpoint.Field, $"{method} {http.BaseAddress}{relativeUrl}", authorization, call,
            token => FetchAsync(method, relativeUrl, authorization, token), cancellationToken).ConfigureAwait(false);
        return answer is null ? notFound : read(answer.Body, answer.ResultCount);
    }

    /// <summary>One answer to keep in the cache: it owns its bytes. Null on a GET's 404.</summary>
    private async Task<WaldurAnswer?> FetchAsync(HttpMethod method, string relativeUrl, string authorization, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, relativeUrl, authorization, cancellationToken).ConfigureAwait(false);
        if (IsNotFound(response, method))
        {
            return null;
        }

        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        using var body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        return new WaldurAnswer(body.Span.ToArray(), TryResultCount(response), time.GetUtcNow());
    }

    private static bool IsNotFound(HttpResponseMessage response, HttpMethod method) =>
        response.StatusCode == HttpStatusCode.NotFound && method == HttpMethod.Get;

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string relativeUrl, string authorization, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, relativeUrl);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
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
            // Debug: the operation logs one Warning for all its failed calls. The exception text may carry the URL but
            // never headers, so the token stays out of the log.
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("Waldur {Method} {Path} failed: {Error}", method, relativeUrl, e.GetType().Name);
            }

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

    private static int? TryResultCount(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Result-Count", out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : null;

    private static GatewayException NoResultCount() =>
        WaldurErrors.Unreadable("a list response without a valid X-Result-Count header (U19)");

    /// <summary>
    /// The whole body, bounded by the caller's deadline, then parsed in one synchronous pass (<see cref="RowReader"/>):
    /// parsing chunk by chunk as bytes arrive costs more than the copy. The buffer is pooled (<see cref="PooledBody"/>).
    /// </summary>
    private static async Task<PooledBody> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await PooledBody.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
            GatewayTelemetry.WaldurResponseBytes.Add(body.Span.Length);
            return body;
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
