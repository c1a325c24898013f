using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Telemetry;
using Waldur.GraphGateway.WaldurApi.Caching;

namespace Waldur.GraphGateway.WaldurApi;

/// <summary>
/// The typed client behind <see cref="IWaldurClient"/>. The resilience pipeline lives in the HttpClient (Hosting);
/// this class forwards credentials, streams bodies through the source-generated context and translates failures once.
/// GETs and HEAD counts go through the response cache (<see cref="WaldurResponseCache"/>, a pass-through unless
/// <c>Caching:Enabled</c>), which keeps Waldur's bytes; rows are read from them on every use.
/// </summary>
internal sealed partial class WaldurClient(
    HttpClient http,
    IHttpContextAccessor httpContextAccessor,
    WaldurResponseCache cache,
    WaldurCallContext call,
    WaldurEndpointFacts facts,
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
            return await call(deadline.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw WaldurErrors.Unavailable(e);
        }
    }

    private async Task<WaldurPage> ListCoreAsync(WaldurEndpoint endpoint, WaldurListQuery query, CancellationToken cancellationToken)
    {
        // A GET's 404 (null) is a page past the end (U20), or a parent that does not exist for a nested list.
        var paged = !facts.IsUnpaged(endpoint);
        var firstPage = !paged || (query.Page <= 1 && !query.LastPage);
        return await ReadAsync(HttpMethod.Get, endpoint, $"{endpoint.Path}?{query.ToQueryString(paged)}",
                   (body, resultCount) => ReadPage(body, resultCount, endpoint, query), null, firstPage, cancellationToken)
               ?? throw new WaldurInvalidPageException();
    }

    private WaldurPage ReadPage(ReadOnlySpan<byte> body, int? resultCount, WaldurEndpoint endpoint, WaldurListQuery query)
    {
        var items = RowReader.ReadList(body, endpoint.Shape, query.Reads, query.NestedReads, out var skipped);
        if (skipped > 0)
        {
            call.RowsSkipped(endpoint, skipped);
        }

        if (!endpoint.Paged)
        {
            return new WaldurPage(items, items.Count, 1, Math.Max(1, items.Count));
        }

        if (resultCount is not { } total)
        {
            // A list this Waldur does not page (a bare array, no X-Result-Count): the body is every row, so the page
            // asked for is cut from it here and the planner sees the paged list it planned for.
            facts.MarkUnpaged(endpoint);
            return PageOf(items, query);
        }

        var page = query.LastPage ? Math.Max(1, (total + query.PageSize - 1) / query.PageSize) : query.Page;
        return new WaldurPage(items, total, page, Math.Min(query.PageSize, WaldurListQuery.MaxPageSize));
    }

    /// <summary>The page <paramref name="query"/> asks for, cut from every row; past the end is Waldur's 404 (U18).</summary>
    private static WaldurPage PageOf(List<WaldurRow> all, WaldurListQuery query)
    {
        var size = Math.Min(query.PageSize, WaldurListQuery.MaxPageSize);
        var page = query.LastPage ? Math.Max(1, (all.Count + size - 1) / size) : query.Page;
        var start = (page - 1) * size;
        if (page > 1 && start >= all.Count)
        {
            throw new WaldurInvalidPageException();
        }

        return new WaldurPage(all.GetRange(start, Math.Min(size, all.Count - start)), all.Count, page, size);
    }

    private Task<WaldurRow?> RetrieveCoreAsync(WaldurEndpoint endpoint, string uuid, CancellationToken cancellationToken) =>
        ReadAsync<WaldurRow?>(HttpMethod.Get, endpoint, $"{endpoint.Path}{Uri.EscapeDataString(uuid)}/",
            (body, _) => RowReader.ReadItem(body, endpoint.Shape), null, false, cancellationToken);

    private async Task<int> CountCoreAsync(WaldurEndpoint endpoint, WaldurListQuery query, CancellationToken cancellationToken)
    {
        if (facts.IsUnpaged(endpoint))
        {
            // No X-Result-Count without paging: the count is the length of the one response.
            return (await ListCoreAsync(endpoint, query with { Page = 1, LastPage = false }, cancellationToken)).TotalCount;
        }

        // A HEAD's 404 fails in EnsureSuccessAsync: only a GET's reads as "not found". A HEAD without a count is a list
        // this Waldur does not page: counted from its one GET.
        var count = await ReadAsync(HttpMethod.Head, endpoint, $"{endpoint.Path}?{query.ToQueryString(includePaging: false)}",
            (_, resultCount) => resultCount ?? -1, -1, true, cancellationToken);
        if (count >= 0)
        {
            return count;
        }

        facts.MarkUnpaged(endpoint);
        return (await ListCoreAsync(endpoint, query with { Page = 1, LastPage = false }, cancellationToken)).TotalCount;
    }

    /// <summary>Reads what a caller needs from a body; the span may be a pooled buffer, valid only during the call.</summary>
    private delegate T BodyReader<out T>(ReadOnlySpan<byte> body, int? resultCount);

    /// <summary>
    /// A GET (or a HEAD count) as this caller, read by <paramref name="read"/>; <paramref name="notFound"/> on a GET's 404.
    /// Through the response cache when it applies to the endpoint (the bytes are then copied and kept); otherwise the
    /// body is a pooled buffer, returned as soon as it is read.
    /// </summary>
    private async Task<T> ReadAsync<T>(HttpMethod method, WaldurEndpoint endpoint, string relativeUrl, BodyReader<T> read, T notFound,
        bool firstListPage, CancellationToken cancellationToken)
    {
        var authorization = Authorization();
        if (facts.IsMissing(endpoint, out var missing))
        {
            throw new GatewayException(ErrorCodes.EndpointUnavailable, missing);
        }

        if (!cache.AppliesTo(endpoint.Field))
        {
            using var response = await SendAsync(method, relativeUrl, authorization, cancellationToken);
            await ThrowIfUnavailableAsync(response, method, endpoint, relativeUrl, authorization, firstListPage, cancellationToken);
            if (IsNotFound(response, method))
            {
                return notFound;
            }

            await EnsureSuccessAsync(response, method, relativeUrl, authorization, cancellationToken);
            using var body = await ReadBodyAsync(response, cancellationToken);
            return read(body.Span, TryResultCount(response));
        }

        // The method and the absolute URL: gateways of different Waldurs sharing one Redis never share entries.
        var answer = await cache.GetAsync(endpoint.Field, $"{method} {http.BaseAddress}{relativeUrl}", authorization, call,
            token => FetchAsync(method, endpoint, relativeUrl, authorization, firstListPage, token), cancellationToken);
        return answer is null ? notFound : read(answer.Body, answer.ResultCount);
    }

    /// <summary>One answer to keep in the cache: it owns its bytes. Null on a GET's 404.</summary>
    private async Task<WaldurAnswer?> FetchAsync(HttpMethod method, WaldurEndpoint endpoint, string relativeUrl, string authorization,
        bool firstListPage, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, relativeUrl, authorization, cancellationToken);
        await ThrowIfUnavailableAsync(response, method, endpoint, relativeUrl, authorization, firstListPage, cancellationToken);
        if (IsNotFound(response, method))
        {
            return null;
        }

        await EnsureSuccessAsync(response, method, relativeUrl, authorization, cancellationToken);
        using var body = await ReadBodyAsync(response, cancellationToken);
        return new WaldurAnswer(body.Span.ToArray(), TryResultCount(response), time.GetUtcNow());
    }

    private static bool IsNotFound(HttpResponseMessage response, HttpMethod method) =>
        response.StatusCode == HttpStatusCode.NotFound && method == HttpMethod.Get;

    /// <summary>
    /// Whether this Waldur serves the endpoint at all (U25). It does not when it answers a list's first page or count
    /// with Django's HTML 404 (no URL pattern; also to a HEAD), with any 404 there for a list without path parameters
    /// (the path was routed as some object's detail: a list that exists answers its first page), or anything with 424
    /// (DRF's "Extension is disabled."). A retrieve's 404 only says that object is not there. Remembered, logged once,
    /// and named with the version Waldur reports.
    /// </summary>
    private async Task ThrowIfUnavailableAsync(HttpResponseMessage response, HttpMethod method, WaldurEndpoint endpoint, string relativeUrl,
        string authorization, bool firstListPage, CancellationToken cancellationToken)
    {
        string reason;
        if (response.StatusCode == HttpStatusCode.FailedDependency)
        {
            var body = await BodyOrReasonAsync(response, method, relativeUrl, authorization, cancellationToken);
            reason = $"it answered 424: {WaldurErrors.DetailOf(body)}";
        }
        else if (response.StatusCode == HttpStatusCode.NotFound && firstListPage
                 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            reason = "it answered 404 with its HTML page (no such URL)";
        }
        else if (response.StatusCode == HttpStatusCode.NotFound && firstListPage && !endpoint.Template.Contains('{', StringComparison.Ordinal))
        {
            reason = "it answered 404 to the list's first page (the path is routed as an object's detail, so there is no such list)";
        }
        else
        {
            return;
        }

        if (facts.Version is null)
        {
            await LearnVersionAsync(authorization, cancellationToken);
        }

        var message = $"{facts.VersionText} does not serve /{endpoint.Template}: {reason.TrimEnd('.')}. This field is not available from the connected Waldur.";
        facts.MarkMissing(endpoint, message);
        throw new GatewayException(ErrorCodes.EndpointUnavailable, message);
    }

    /// <summary><c>GET api/version/</c> (<c>{"version": "7.0.7"}</c>): asked once, when an endpoint first turns out missing.</summary>
    private async Task LearnVersionAsync(string authorization, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await SendAsync(HttpMethod.Get, "api/version/", authorization, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                using var document = await System.Text.Json.JsonDocument.ParseAsync(
                    await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
                if (document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                    && document.RootElement.TryGetProperty("version", out var version) && version.GetString() is { Length: > 0 } text)
                {
                    facts.SetVersion(text);
                }
            }
        }
        catch (Exception e) when (e is GatewayException or System.Text.Json.JsonException or HttpRequestException or InvalidOperationException)
        {
            // The version only words the error; without it the error still names the path.
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("Waldur's api/version/ could not be read: {Error}", e.GetType().Name);
            }
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string relativeUrl, string authorization, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, relativeUrl);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
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

    private async Task EnsureSuccessAsync(HttpResponseMessage response, HttpMethod method, string relativeUrl, string authorization,
        CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await BodyOrReasonAsync(response, method, relativeUrl, authorization, cancellationToken);
        throw WaldurErrors.FromStatus(response.StatusCode, body, relativeUrl);
    }

    /// <summary>
    /// An error answer's body. A HEAD's has none, so a 400 or 424 would come without Waldur's reason: the same URL as a
    /// GET of one row is asked once, and its body taken when it fails the same way (other statuses show no body anyway).
    /// </summary>
    private async Task<string?> BodyOrReasonAsync(HttpResponseMessage response, HttpMethod method, string relativeUrl, string authorization,
        CancellationToken cancellationToken)
    {
        var body = await WaldurErrors.ReadBodyAsync(response, cancellationToken);
        if (method != HttpMethod.Head || !string.IsNullOrWhiteSpace(body)
            || response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.FailedDependency))
        {
            return body;
        }

        using var again = await SendAsync(HttpMethod.Get, relativeUrl + (relativeUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "page_size=1",
            authorization, cancellationToken);
        return again.StatusCode == response.StatusCode ? await WaldurErrors.ReadBodyAsync(again, cancellationToken) : body;
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
            var body = await PooledBody.ReadAsync(response.Content, cancellationToken);
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
