using System.Net;
using Microsoft.AspNetCore.Http;
using Waldur.GraphGateway.Http;
using Xunit;

namespace Waldur.GraphGateway.Tests.Http;

/// <summary>Who a caller is for the rate limiter: a hash of its credentials, never the credentials themselves.</summary>
public sealed class CallerRateLimiterTests
{
    private static DefaultHttpContext Context(string? authorization, string address = "10.1.2.3")
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        return context;
    }

    [Fact]
    public void Callers_are_keyed_by_a_hash_of_authorization_else_by_address()
    {
        var alice = CallerRateLimiter.CallerKey(Context("Token alice-secret"));
        var aliceElsewhere = CallerRateLimiter.CallerKey(Context("Token alice-secret", "10.9.9.9"));
        var bob = CallerRateLimiter.CallerKey(Context("Token bob-secret"));
        var anonymous = CallerRateLimiter.CallerKey(Context(null));

        Assert.Equal(alice, aliceElsewhere);
        Assert.NotEqual(alice, bob);
        Assert.DoesNotContain("secret", alice, StringComparison.Ordinal);
        Assert.Equal("auth:".Length + 32, alice.Length);
        Assert.Equal("addr:10.1.2.3", anonymous);
    }
}
