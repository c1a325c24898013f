using Waldur.Emulator.Auth;
using Waldur.Emulator.Data;
using Waldur.Emulator.Waldur.Drift;

namespace Waldur.Emulator.Waldur;

/// <summary>
/// Everything outside <c>/__emulator/</c>: Django's URL resolution and APPEND_SLASH, then DRF's view steps in DRF's
/// order: content negotiation (U24), authentication (U20), method (U1), filter validation (U15), the action.
/// </summary>
internal sealed class WaldurHandler(TokenAuthenticator authenticator, ResourceRegistry registry, EmulatorOptions options, EmulatorDataset dataset, Writes.WriteEndpoints writes, Writes.GenericWrites genericWrites, Writes.Provisioner provisioner)
{
    private readonly bool _waldur7 = options.Drift == DriftMode.Waldur7;

    public Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (_waldur7 && (Waldur7Drift.IsAbsent(path) || Waldur7Drift.IsAbsent(path + "/")))
        {
            // No url pattern of 7.0.7 resolves it (nor its slashed form, so APPEND_SLASH does not redirect).
            return DrfResponses.DjangoNotFoundAsync(context);
        }

        // server/urls.py: re_path(r"^api/version/", core_views.version_detail) (no `$`: anything below it too).
        if (path.StartsWith("/api/version/", StringComparison.Ordinal))
        {
            return VersionAsync(context);
        }

        // The write operations of issue 22 (Writes/WriteEndpoints.cs), then every other write operation of the spec
        // (issue 23, Writes/GenericWrites.cs); an unsafe method the spec does not have on the path stays a 405 below.
        if (Writes.WriteEndpoints.IsWriteMethod(context.Request.Method) && writes.Match(context.Request.Method, path) is { } write)
        {
            return WriteAsync(context, write.Handler, write.Allow, write.Partial);
        }

        // In drift mode a disabled extension's 424 (below) comes before any write.
        if (Writes.WriteEndpoints.IsWriteMethod(context.Request.Method) && genericWrites.Match(context.Request.Method, path) is { } generic
            && !(_waldur7 && generic.ListPath is { } listPath && Waldur7Drift.ExtensionDisabled(listPath.TrimEnd('/'))))
        {
            return WriteAsync(context, r => genericWrites.Handle(generic, r), generic.Allow, HttpMethods.IsPatch(context.Request.Method),
                Writes.GenericWrites.TakesAnyJson(generic.Operation), forms: true);
        }

        var route = Resolve(path);
        if (route is null)
        {
            return !path.EndsWith('/') && Resolve(path + "/") is not null
                ? DrfResponses.AppendSlashRedirectAsync(context)
                : DrfResponses.DjangoNotFoundAsync(context);
        }

        if (_waldur7)
        {
            route = route with { Resource = new DriftedResource(route.Resource) };
        }

        DrfResponses.AddViewHeaders(context.Response);
        if (_waldur7 && Waldur7Drift.ExtensionDisabled(route.Resource.Prefix))
        {
            // waldur_core/core/views.py CheckExtensionMixin.initial raises ExtensionDisabled before DRF's initial
            // (content negotiation, authentication, permissions) and before the handler's method check.
            return DrfResponses.DetailAsync(context, StatusCodes.Status424FailedDependency, "Extension is disabled.");
        }

        var query = QueryString.Parse(context.Request.QueryString.Value);
        var format = route.FormatSuffix ?? query.Last("format");
        if (Unnegotiable(context, format) is { } unnegotiable)
        {
            return unnegotiable;
        }

        if (Unauthenticated(context, out var token) is { } unauthenticated)
        {
            return unauthenticated;
        }

        var method = context.Request.Method;
        if (HttpMethods.IsOptions(method))
        {
            return DrfResponses.JsonAsync(context, StatusCodes.Status200OK, Metadata(route));
        }

        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            return DrfResponses.DetailAsync(context, StatusCodes.Status405MethodNotAllowed, $"Method \"{method}\" not allowed.");
        }

        if (route.Resource.MissingParent(token) is { } missing)
        {
            return DrfResponses.DetailAsync(context, StatusCodes.Status404NotFound, missing);
        }

        if (route.IsList && AnalyticsQuotas.Serves(route.Resource.Prefix))
        {
            // analytics/views.py BaseQuotasViewSet: IsStaffOrSupportUser, then list()'s own checks.
            var caller = dataset.CallerOf(token);
            if (!caller.IsStaff && caller.User is not { IsSupport: true })
            {
                return DrfResponses.DetailAsync(context, StatusCodes.Status403Forbidden, "You do not have permission to perform this action.");
            }

            if (AnalyticsQuotas.Rejects(query))
            {
                return DrfResponses.EmptyAsync(context, StatusCodes.Status400BadRequest);
            }
        }

        var parameters = route.Resource.Prepare(query, token);
        if (parameters.Errors.Count > 0)
        {
            return DrfResponses.JsonAsync(context, StatusCodes.Status400BadRequest, JsonText.FieldErrors(parameters.Errors));
        }

        var request = new ResourceRequest(context, route, query, parameters, token, BaseUrl(context.Request));
        return route.IsList ? ResourceEndpoints.ListAsync(request) : ResourceEndpoints.RetrieveAsync(request);
    }

    /// <summary>The route of <paramref name="path"/>. In drift mode a list action 7.0.7 lacks
    /// (<see cref="Waldur7Drift.AbsentListActions"/>) is its collection's detail route with the action name as lookup, or
    /// no route when the collection has no detail route.</summary>
    private WaldurRoute? Resolve(string path)
    {
        if (_waldur7 && Waldur7Drift.AbsentListAction(path) is var (collection, lookup))
        {
            return WaldurRoute.Match(collection, registry) is { IsList: true, Resource.HasDetail: true } list
                ? new WaldurRoute(list.Resource, lookup, null)
                : null;
        }

        return WaldurRoute.Match(path, registry);
    }

    /// <summary>A write: DRF's content negotiation and authentication as for reads, then the body (JSON; read whole, as
    /// DRF's parser does) and the operation under the data set's write lock.</summary>
    /// <param name="forms">The generic writes also read form and multipart bodies (<see cref="Writes.FormBody"/>).</param>
    private async Task WriteAsync(
        HttpContext context, Func<Writes.WriteRequest, Writes.WriteResult> handler, string allow, bool partial, bool anyJson = false, bool forms = false)
    {
        DrfResponses.AddViewHeaders(context.Response);
        context.Response.Headers.Allow = allow;
        var query = QueryString.Parse(context.Request.QueryString.Value);
        if (Unnegotiable(context, query.Last("format")) is { } unnegotiable)
        {
            await unnegotiable;
            return;
        }

        if (Unauthenticated(context, out var token) is { } unauthenticated)
        {
            await unauthenticated;
            return;
        }

        var text = await Writes.BodyReader.ReadAsync(context);
        var contentType = DrfResponses.HeaderValue(context.Request, "Content-Type");
        if (forms && text.Length > 0 && Writes.FormBody.IsForm(contentType))
        {
            text = await Writes.FormBody.ReadAsync(context);
            contentType = null;
        }

        if (text.Length > 0 && contentType is not null && !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            // The hand-written writes read JSON only (Waldur also takes form and multipart bodies).
            await DrfResponses.DetailAsync(context, StatusCodes.Status415UnsupportedMediaType, $"Unsupported media type \"{contentType}\" in request.");
            return;
        }

        var body = Writes.DrfBody.Parse(text, partial, out var parseError, anyJson);
        if (body is null)
        {
            await DrfResponses.JsonAsync(context, parseError!.Value.Status, parseError.Value.Json);
            return;
        }

        Writes.WriteResult result;
        lock (dataset.WriteLock)
        {
            result = handler(new Writes.WriteRequest(token, dataset.CallerOf(token), body, BaseUrl(context.Request)));
            if (result.Status is >= 200 and < 300)
            {
                dataset.Changed();
            }

            provisioner.Flush();
        }

        if (result.Location is { } location)
        {
            context.Response.Headers.Location = location;
        }

        if (result.Json is null)
        {
            context.Response.StatusCode = result.Status;
            context.Response.ContentLength = 0;
            return;
        }

        await DrfResponses.JsonAsync(context, result.Status, result.Json);
    }

    /// <summary>DRF's token authentication (U20): null with the caller's token, or the 401 being written.</summary>
    private Task? Unauthenticated(HttpContext context, out string token)
    {
        var auth = authenticator.Authenticate(DrfResponses.HeaderValue(context.Request, "Authorization"));
        token = auth.Token ?? "";
        if (auth.Token is not null)
        {
            return null;
        }

        context.Response.Headers.WWWAuthenticate = "Token";
        return DrfResponses.DetailAsync(context, StatusCodes.Status401Unauthorized, auth.Error!);
    }

    /// <summary>DRF's content negotiation (U24): null when the format and <c>Accept</c> are served, else the 404 or 406 being written.</summary>
    private static Task? Unnegotiable(HttpContext context, string? format)
    {
        if (!ContentNegotiation.FormatIsKnown(format))
        {
            return DrfResponses.DetailAsync(context, StatusCodes.Status404NotFound, ContentNegotiation.NotFound);
        }

        return ContentNegotiation.AcceptIsSatisfiable(DrfResponses.HeaderValue(context.Request, "Accept"))
            ? null
            : DrfResponses.DetailAsync(context, StatusCodes.Status406NotAcceptable, ContentNegotiation.NotAcceptable);
    }

    /// <summary>
    /// <c>core/views.py version_detail</c>: <c>@api_view(["GET"])</c> with <c>IsAuthenticated</c> and
    /// <c>IsStaffOrSupportUser</c>, answering <c>{"version": __version__}</c> (8.0.5's <c>Version</c> schema also allows
    /// <c>latest_version</c>, "if available": never here). The emulator answers 8.0.5, or 7.0.7 in drift mode.
    /// </summary>
    private Task VersionAsync(HttpContext context)
    {
        DrfResponses.AddViewHeaders(context.Response);
        if (Unauthenticated(context, out var token) is { } unauthenticated)
        {
            return unauthenticated;
        }

        var method = context.Request.Method;
        if (HttpMethods.IsOptions(method))
        {
            return DrfResponses.JsonAsync(context, StatusCodes.Status200OK, "{\"name\":\"Version Detail\",\"description\":\"Retrieve version of the application\","
                + "\"renders\":[\"application/json\",\"text/html\"],\"parses\":[\"application/json\",\"application/x-www-form-urlencoded\",\"multipart/form-data\"]}");
        }

        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            return DrfResponses.DetailAsync(context, StatusCodes.Status405MethodNotAllowed, $"Method \"{method}\" not allowed.");
        }

        // IsStaffOrSupportUser; emulator tokens are staff unless declared with another role.
        var caller = dataset.CallerOf(token);
        if (!caller.IsStaff && caller.User is not { IsSupport: true })
        {
            return DrfResponses.DetailAsync(context, StatusCodes.Status403Forbidden, "You do not have permission to perform this action.");
        }

        return DrfResponses.JsonAsync(context, StatusCodes.Status200OK, "{\"version\":\"" + (_waldur7 ? Waldur7Drift.Version : "8.0.5") + "\"}");
    }

    /// <summary>The scheme and Host the request came with (U6); <c>X-Forwarded-Proto: https</c> is honoured as
    /// Waldur does behind its nginx.</summary>
    private static string BaseUrl(HttpRequest request)
    {
        var forwarded = DrfResponses.HeaderValue(request, "X-Forwarded-Proto");
        var scheme = string.Equals(forwarded, "https", StringComparison.Ordinal) ? "https" : request.Scheme;
        return scheme + "://" + request.Host.Value;
    }

    // DRF's SimpleMetadata for OPTIONS.
    private static string Metadata(WaldurRoute route)
    {
        var name = route.Resource.ModelName + (route.IsList ? " List" : " Instance");
        return "{\"name\":\"" + name + "\",\"description\":\"\",\"renders\":[\"application/json\",\"text/html\"],"
            + "\"parses\":[\"application/json\",\"application/x-www-form-urlencoded\",\"multipart/form-data\"]}";
    }
}
