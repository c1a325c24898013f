using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.WaldurApi;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading;

/// <summary>The call past a request's budget fails with a message that tells the caller the limit and what to change.</summary>
public sealed class WaldurCallBudgetTests
{
    [Fact]
    public void The_call_past_the_limit_fails_naming_the_limit()
    {
        var budget = new WaldurCallBudget(Options.Create(new WaldurOptions { MaxCallsPerRequest = 2 }));
        budget.Take();
        budget.Take();

        var error = Assert.Throws<GatewayException>(budget.Take);
        Assert.Equal(ErrorCodes.WaldurCallsExceeded, error.Code);
        Assert.Equal("This request needs more than 2 Waldur calls; ask for fewer fields, parents or pages at once.", error.Message);
    }
}
