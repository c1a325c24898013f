using System.Diagnostics;
using GraphQL;
using GraphQLParser.AST;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Telemetry;

namespace Waldur.GraphGateway.Http;

/// <summary>
/// One GraphQL operation's span, its outcome on the counters, and the single Warning line when Waldur failed it
/// (the Waldur client logs each failed call at Debug only, so a 30-lookup operation is one line, not 30).
/// </summary>
internal static partial class OperationTelemetry
{
    /// <summary>Names the span once the document is parsed: type, name and hash, never the text (it may hold literal values).</summary>
    public static void Describe(Activity activity, GraphQLOperationDefinition? operation, ParsedDocument parsed)
    {
        var type = operation?.Operation.ToString().ToLowerInvariant();
        var name = operation?.Name?.StringValue;
        activity.DisplayName = name is null ? type ?? "graphql" : $"{type} {name}";
        activity.SetTag("graphql.operation.type", type);
        activity.SetTag("graphql.operation.name", name);
        activity.SetTag("graphql.document.hash", parsed.Hash);
    }

    public static void Complete(Activity? activity, OperationCallCount? calls, ExecutionResult result, ILogger logger)
    {
        if (result.Errors is not { Count: > 0 } errors)
        {
            Record(activity, calls, null);
            return;
        }

        var upstreamFailure = false;
        foreach (var error in errors)
        {
            upstreamFailure |= GatewayErrorInfoProvider.CodeFor(error)
                is ErrorCodes.UpstreamUnavailable or ErrorCodes.UpstreamInvalidResponse or ErrorCodes.UpstreamInconsistent;
        }

        Record(activity, calls, GatewayErrorInfoProvider.CodeFor(errors[0]));
        if (activity is not null || upstreamFailure)
        {
            var codes = errors.Select(GatewayErrorInfoProvider.CodeFor).Distinct().ToArray();
            activity?.SetTag("graphql.error.codes", codes);
            if (upstreamFailure)
            {
                LogUpstreamFailure(logger, result.Operation?.Name?.StringValue ?? "(anonymous)", string.Join(",", codes), errors.Count);
            }
        }
    }

    public static void Fail(Activity? activity, OperationCallCount? calls, string code)
    {
        Record(activity, calls, code);
        activity?.SetTag("graphql.error.codes", new[] { code });
    }

    private static void Record(Activity? activity, OperationCallCount? calls, string? code)
    {
        if (GatewayTelemetry.Operations.Enabled)
        {
            GatewayTelemetry.Operations.Add(1, new TagList { { "outcome", code is null ? "success" : "error" }, { "error.code", code ?? "" } });
        }

        if (calls is not null)
        {
            GatewayTelemetry.WaldurRequestsPerOperation.Record(calls.Requests);
        }

        if (code is not null)
        {
            activity?.SetStatus(ActivityStatusCode.Error, code);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "GraphQL operation {OperationName} failed at Waldur after retries: {ErrorCodes} ({ErrorCount} errors)")]
    private static partial void LogUpstreamFailure(ILogger logger, string operationName, string errorCodes, int errorCount);
}
