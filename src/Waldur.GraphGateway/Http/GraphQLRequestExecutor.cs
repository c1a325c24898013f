using System.Diagnostics;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Telemetry;
using Waldur.GraphGateway.Types;
using Waldur.GraphGateway.WaldurApi.Caching;

namespace Waldur.GraphGateway.Http;

/// <summary>
/// Runs one GraphQL request: resolves persisted queries, enforces the document limits before validation
/// (so an abusive document costs linear time), then hands the parsed document to GraphQL.NET.
/// </summary>
internal sealed class GraphQLRequestExecutor(
    IDocumentExecuter executer,
    ISchema schema,
    IDocumentBuilder documentBuilder,
    DocumentCache documents,
    PersistedQueryStore persistedQueries,
    ValidationRuleSets rules,
    WaldurCallContext waldurCalls,
    IOptions<GraphQLHttpOptions> options,
    ILogger<GraphQLRequestExecutor> logger)
{
    public async Task<ExecutionResult> ExecuteAsync(GraphQLHttpRequest request, HttpContext httpContext, bool isGet)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(httpContext);
        using var activity = GatewayTelemetry.Source.StartActivity("graphql");
        var calls = WaldurCalls.CountForOperation();
        try
        {
            var result = await ExecuteOperationAsync(request, httpContext, isGet, activity);
            OperationTelemetry.Complete(activity, calls, result, logger);
            return result;
        }
        catch (GraphQLHttpException ex)
        {
            OperationTelemetry.Fail(activity, calls, ex.Code);
            throw;
        }
    }

    private async Task<ExecutionResult> ExecuteOperationAsync(GraphQLHttpRequest request, HttpContext httpContext, bool isGet, Activity? activity)
    {
        var limits = options.Value;
        string query = await ResolveQueryAsync(request);
        if (query.Length > limits.MaxDocumentLength)
        {
            throw DocumentError(ErrorCodes.DocumentTooLong, $"The document has {query.Length} characters; at most {limits.MaxDocumentLength} are allowed.");
        }

        var parsed = documents.Get(query);
        if (parsed is null)
        {
            GraphQLDocument document;
            using var parse = GatewayTelemetry.Source.StartActivity("graphql.parse");
            try
            {
                document = documentBuilder.Build(query);
            }
            catch (ExecutionError syntaxError)
            {
                // GraphQL.NET's SyntaxError already carries the spec's message and location.
                return new ExecutionResult { Errors = [syntaxError] };
            }
            catch (GraphQLParser.Exceptions.GraphQLMaxDepthExceededException)
            {
                // The parser's own recursion guard (deep selections, list or object values): a syntax error to the client.
                return new ExecutionResult { Errors = [GatewayExecutionErrors.Create(ErrorCodes.SyntaxError, "The document nests deeper than the parser allows.")] };
            }

            parsed = new ParsedDocument(document, DocumentShapeAnalyzer.Analyze(document), PersistedQueryStore.Hash(query));
            CheckShape(parsed.Shape, limits);
            documents.Set(query, parsed);
        }
        else
        {
            CheckShape(parsed.Shape, limits);
        }

        var selected = SelectedOperation(parsed.Document, request.OperationName);
        if (activity is not null)
        {
            OperationTelemetry.Describe(activity, selected, parsed);
        }

        if (isGet && selected is { Operation: not OperationType.Query } operation)
        {
            throw new GraphQLHttpException(StatusCodes.Status405MethodNotAllowed, ErrorCodes.MethodNotAllowed,
                $"A {operation.Operation.ToString().ToLowerInvariant()} cannot be sent with GET; use POST.")
            { Headers = new Dictionary<string, string> { ["Allow"] = "POST" } };
        }

        if (selected is not null && !Supports(selected.Operation))
        {
            // GraphQL.NET would fail this inside execution as an internal error (a 500); it is the client's mistake.
            return new ExecutionResult
            {
                Errors = [GatewayExecutionErrors.Create(ErrorCodes.ValidationFailed, $"This schema has no {selected.Operation.ToString().ToLowerInvariant()} operations.")],
            };
        }

        return await ExecuteCoreAsync(query, parsed, request, httpContext);
    }

    private async Task<ExecutionResult> ExecuteCoreAsync(string query, ParsedDocument parsed, GraphQLHttpRequest request, HttpContext httpContext)
    {
        var operationName = request.OperationName;
        var validated = parsed.IsValidated(operationName);
        var verdict = validated ? parsed.Verdicts.KeyFor(operationName, request.Variables) : null;
        var limits = options.Value;
        waldurCalls.BypassCache = CacheControlHeaderValue.TryParse(httpContext.Request.Headers.CacheControl.ToString(), out var cacheControl)
                                  && cacheControl.NoCache;
        waldurCalls.TakeUse();
        waldurCalls.TakeSkippedRows();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = schema,
            Query = query,
            Document = parsed.Document,
            OperationName = request.OperationName,
            // An operation that passed every rule once needs only the rules that read variables, and not those either
            // when it passed them with the same values; variables are coerced and arguments parsed either way.
            ValidationRules = !validated ? rules.Full : verdict is not null && parsed.Verdicts.Passed(verdict) ? [] : rules.VariableReading,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = httpContext.RequestServices,
            User = httpContext.User,
            CancellationToken = httpContext.RequestAborted,
            Timeout = limits.ExecutionTimeout,
            TimeoutAction = TimeoutAction.ReturnTimeoutError,
        });
        if (result.Executed)
        {
            parsed.MarkValidated(operationName);
            if ((verdict ?? parsed.Verdicts.KeyFor(operationName, request.Variables)) is { } passed)
            {
                parsed.Verdicts.MarkPassed(passed);
            }
        }

        ReportCacheUse(result, waldurCalls.TakeUse());
        ReportSkippedRows(result, waldurCalls.TakeSkippedRows());
        return result;
    }

    /// <summary>One error per Waldur list that sent rows without a uuid: the rows are left out, the rest of the answer stands.</summary>
    private static void ReportSkippedRows(ExecutionResult result, IReadOnlyList<KeyValuePair<string, int>> skipped)
    {
        foreach (var (path, rows) in skipped)
        {
            result.Errors ??= [];
            result.Errors.Add(GatewayExecutionErrors.Create(ErrorCodes.UpstreamRowSkipped,
                $"Waldur sent {rows} row(s) without a uuid from `{path}`; the gateway cannot identify them, so they are left out."));
        }
    }

    /// <summary>
    /// <c>extensions.waldurCache</c>, when the response cache took part: how many Waldur answers came from it
    /// (<c>hits</c>), how many were fetched (<c>misses</c>), and the age of the oldest one served.
    /// </summary>
    private static void ReportCacheUse(ExecutionResult result, WaldurCacheUse use)
    {
        if (use.Hits + use.Misses == 0)
        {
            return;
        }

        result.Extensions ??= [];
        result.Extensions["waldurCache"] = new Dictionary<string, object>
        {
            ["hits"] = use.Hits,
            ["misses"] = use.Misses,
            ["oldestAgeSeconds"] = Math.Round(use.OldestAge.TotalSeconds, 3),
        };
    }

    private async Task<string> ResolveQueryAsync(GraphQLHttpRequest request)
    {
        string? hash = request.PersistedQueryHash;
        if (hash is null)
        {
            return string.IsNullOrEmpty(request.Query)
                ? throw new GraphQLHttpException(StatusCodes.Status400BadRequest, ErrorCodes.QueryMissing, "The request has no 'query'.")
                : request.Query;
        }

        if (string.IsNullOrEmpty(request.Query))
        {
            // Apollo clients look for this exact message as well as the code, then resend with the full text.
            return await persistedQueries.FindAsync(hash)
                ?? throw DocumentError(ErrorCodes.PersistedQueryNotFound, "PersistedQueryNotFound");
        }

        if (!PersistedQueryStore.Matches(hash, request.Query))
        {
            throw DocumentError(ErrorCodes.PersistedQueryHashMismatch, "provided sha does not match query");
        }

        if (request.Query.Length <= options.Value.MaxDocumentLength)
        {
            await persistedQueries.AddAsync(hash, request.Query);
        }

        return request.Query;
    }

    private static void CheckShape(DocumentShape shape, GraphQLHttpOptions limits)
    {
        if (shape.Depth > limits.MaxDepth)
        {
            throw DocumentError(ErrorCodes.MaxDepthExceeded, $"The document is {shape.Depth} fields deep; at most {limits.MaxDepth} are allowed.");
        }

        if (shape.Fields > limits.MaxFields)
        {
            throw DocumentError(ErrorCodes.MaxFieldsExceeded, $"The document selects {shape.Fields} fields (fragments expanded); at most {limits.MaxFields} are allowed.");
        }

        if (shape.Aliases > limits.MaxAliases)
        {
            throw DocumentError(ErrorCodes.MaxAliasesExceeded, $"The document uses {shape.Aliases} aliases; at most {limits.MaxAliases} are allowed.");
        }
    }

    private bool Supports(OperationType operation) => operation switch
    {
        OperationType.Query => true,
        OperationType.Mutation => schema.Mutation is not null,
        _ => schema.Subscription is not null,
    };

    private static GraphQLOperationDefinition? SelectedOperation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return string.IsNullOrEmpty(operationName)
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
    }

    private static GraphQLHttpException DocumentError(string code, string message) =>
        new(StatusCodes.Status400BadRequest, code, message, documentLevel: true);
}
