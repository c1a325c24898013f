using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading;

/// <summary>
/// Counts the Waldur calls of one request (scoped): every read goes through <see cref="ListFetcher"/> (list pages,
/// counts, by-uuid GETs), so neither many fields nor many parents can fan one request
/// out without bound. The call past <see cref="WaldurOptions.MaxCallsPerRequest"/> is not made: its field fails, while
/// fields already answered (or answered from the request's cache) keep their data.
/// </summary>
internal sealed class WaldurCallBudget(IOptions<WaldurOptions> options)
{
    private int _calls;

    public void Take()
    {
        var limit = options.Value.MaxCallsPerRequest;
        if (Interlocked.Increment(ref _calls) > limit)
        {
            throw new GatewayException(ErrorCodes.WaldurCallsExceeded,
                $"This request needs more than {limit} Waldur calls; ask for fewer fields, parents or pages at once.");
        }
    }
}
