using Polly;
using Waldur.GraphGateway.Telemetry;

namespace Waldur.GraphGateway.WaldurApi;

/// <summary>
/// Sits inside the resilience pipeline (innermost), so it sees every attempt: it numbers them through the pipeline's
/// context, which all attempts of one call share, and reports each to <see cref="WaldurCalls"/>.
/// </summary>
internal sealed class WaldurAttemptHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<int> Attempts = new("Waldur.GraphGateway.Attempts");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var attempt = 0;
        if (request.GetResilienceContext() is { } context)
        {
            attempt = context.Properties.GetValue(Attempts, 0);
            context.Properties.Set(Attempts, attempt + 1);
        }

        WaldurCalls.AttemptStarting(attempt);
        return base.SendAsync(request, cancellationToken);
    }
}
