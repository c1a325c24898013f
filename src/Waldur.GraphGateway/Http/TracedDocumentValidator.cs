using System.Diagnostics;
using GraphQL.Validation;
using Waldur.GraphGateway.Telemetry;

namespace Waldur.GraphGateway.Http;

/// <summary>
/// GraphQL.NET's validator with a <c>graphql.validate</c> span around it: every request coerces its variables here, and
/// runs the rules <see cref="ValidationRuleSets"/> chose for it (all, the variable-reading ones, or none).
/// Registered only when traces are exported; with no listener it hands straight through.
/// </summary>
internal sealed class TracedDocumentValidator(IDocumentValidator inner) : IDocumentValidator
{
    public Task<IValidationResult> ValidateAsync(in ValidationOptions options) =>
        GatewayTelemetry.Source.HasListeners() ? TracedAsync(options) : inner.ValidateAsync(options);

    private async Task<IValidationResult> TracedAsync(ValidationOptions options)
    {
        using var activity = GatewayTelemetry.Source.StartActivity("graphql.validate");
        var result = await inner.ValidateAsync(options);
        if (!result.IsValid)
        {
            activity?.SetStatus(ActivityStatusCode.Error);
        }

        return result;
    }
}
