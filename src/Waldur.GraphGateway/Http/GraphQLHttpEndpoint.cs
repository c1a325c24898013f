using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Schema;

namespace Waldur.GraphGateway.Http;

/// <summary>
/// <c>/graphql</c>: the GraphQL-over-HTTP endpoint, and the door to the IDE and the SDL for GETs that ask for them.
/// Every refusal is a GraphQL error body with a stable code; nothing malformed reaches GraphQL.NET as an exception.
/// </summary>
internal sealed class GraphQLHttpEndpoint(
    GraphQLRequestReader reader,
    GraphQLRequestExecutor executor,
    IGraphQLSerializer serializer,
    IdeAssets ide,
    ISchema schema,
    IOptions<GraphQLHttpOptions> options,
    ILogger<GraphQLHttpEndpoint> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        bool isGet = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        if (isGet && request.Query.ContainsKey("sdl"))
        {
            await WriteSdlAsync(context);
            return;
        }

        if (isGet && options.Value.EnableIde && !request.Query.ContainsKey("query") && !request.Query.ContainsKey("extensions")
            && ResponseMediaType.PrefersHtml(request.Headers.Accept))
        {
            await ide.ServeIndexAsync(context);
            return;
        }

        string? mediaType = ResponseMediaType.Negotiate(request.Headers.Accept);
        try
        {
            if (mediaType is null)
            {
                throw new GraphQLHttpException(StatusCodes.Status406NotAcceptable, ErrorCodes.NotAcceptable,
                    $"Accept allows neither '{ResponseMediaType.GraphQLResponseJson}' nor '{ResponseMediaType.Json}'.");
            }

            if (!isGet && !HttpMethods.IsPost(request.Method))
            {
                throw new GraphQLHttpException(StatusCodes.Status405MethodNotAllowed, ErrorCodes.MethodNotAllowed,
                    $"{request.Method} is not supported; use GET for queries or POST.")
                { Headers = new Dictionary<string, string> { ["Allow"] = "GET, POST" } };
            }

            if (isGet)
            {
                var result = await executor.ExecuteAsync(reader.ReadGet(request.Query), context, isGet: true);
                await WriteAsync(context, mediaType, StatusFor(result, mediaType), result);
                return;
            }

            var (requests, isBatch) = await reader.ReadPostAsync(request, context.RequestAborted);
            if (!isBatch)
            {
                var result = await executor.ExecuteAsync(requests[0], context, isGet: false);
                await WriteAsync(context, mediaType, StatusFor(result, mediaType), result);
                return;
            }

            // One at a time: the batch shares this request's scoped services (loaders), which are not thread-safe.
            var results = new List<ExecutionResult>(requests.Count);
            foreach (var item in requests)
            {
                results.Add(await ExecuteBatchItemAsync(item, context));
            }

            await WriteAsync(context, mediaType, StatusCodes.Status200OK, results);
        }
        catch (GraphQLHttpException ex)
        {
            foreach (var (name, value) in ex.Headers)
            {
                context.Response.Headers[name] = value;
            }

            var type = mediaType ?? ResponseMediaType.Json;
            int status = ex.DocumentLevel && type == ResponseMediaType.Json ? StatusCodes.Status200OK : ex.StatusCode;
            await WriteAsync(context, type, status, ErrorResult(ex));
        }
        catch (Exception ex) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away (a load generator stopping, a closed tab): nobody to answer and nothing went wrong
            // here. Whatever surfaced (a cancellation, a reset connection mid-body) is normal, so not an error.
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("The client went away mid-request ({Error})", ex.GetType().Name);
            }
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            logger.LogError(ex, "Unhandled exception in the GraphQL endpoint");
            var error = new GraphQLHttpException(StatusCodes.Status500InternalServerError, ErrorCodes.Internal, GatewayErrorInfoProvider.MaskedMessage);
            await WriteAsync(context, mediaType ?? ResponseMediaType.Json, error.StatusCode, ErrorResult(error));
        }
    }

    private async Task<ExecutionResult> ExecuteBatchItemAsync(GraphQLHttpRequest item, HttpContext context)
    {
        try
        {
            return await executor.ExecuteAsync(item, context, isGet: false);
        }
        catch (GraphQLHttpException ex)
        {
            return ErrorResult(ex);
        }
    }

    /// <summary>
    /// <c>application/json</c> answers 200 whenever it has a GraphQL body; <c>application/graphql-response+json</c>
    /// answers 200 only once execution started (there is <c>data</c>), otherwise the error's own status.
    /// </summary>
    public static int StatusFor(ExecutionResult result, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (mediaType == ResponseMediaType.Json || result.Executed)
        {
            return StatusCodes.Status200OK;
        }

        return result.Errors?.FirstOrDefault() is { } first ? GatewayErrorInfoProvider.CodeFor(first) switch
        {
            ErrorCodes.ExecutionTimeout => StatusCodes.Status504GatewayTimeout,
            ErrorCodes.Internal => StatusCodes.Status500InternalServerError,
            _ => StatusCodes.Status400BadRequest,
        } : StatusCodes.Status400BadRequest;
    }

    private async Task WriteAsync<T>(HttpContext context, string mediaType, int status, T body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(context.Response.Body, body, context.RequestAborted);
    }

    private async Task WriteSdlAsync(HttpContext context)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(SchemaSdl.Client(schema), context.RequestAborted);
    }

    private static ExecutionResult ErrorResult(GraphQLHttpException ex) =>
        new() { Errors = [new ExecutionError(ex.Message) { Code = ex.Code }] };
}
