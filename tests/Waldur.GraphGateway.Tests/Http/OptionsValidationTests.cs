using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Http;
using Xunit;

namespace Waldur.GraphGateway.Tests.Http;

/// <summary>A bad setting stops start-up with a message that names its key.</summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("GraphQL:MaxDepth", "0")]
    [InlineData("GraphQL:MaxComplexity", "-5")]
    [InlineData("GraphQL:MaxBatchSize", "0")]
    [InlineData("GraphQL:MaxRequestBodyBytes", "10")]
    [InlineData("GraphQL:DefaultPageSize", "0")]
    [InlineData("GraphQL:ExecutionTimeout", "00:00:00")]
    [InlineData("GraphQL:AllowedOrigins", "not an origin")]
    [InlineData("RateLimiting:ConcurrentRequestsPerCaller", "0")]
    [InlineData("RateLimiting:QueueLimitPerCaller", "-1")]
    [InlineData("RateLimiting:RetryAfterSeconds", "0")]
    [InlineData("RateLimiting:BurstSize", "5")]
    public void Out_of_range_values_stop_start_up_naming_the_key(string key, string value)
    {
        // BurstSize is checked against TokensPerSecond (here 10): the bucket must hold at least a second's tokens.
        using var factory = GatewayHost.WithoutEmulator(new Dictionary<string, string?> { [key] = value, ["RateLimiting:TokensPerSecond"] = "10" });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GraphQL:MaxDepth", "deep")]
    [InlineData("GraphQL:EnableIde", "perhaps")]
    public void Unparseable_values_stop_start_up_naming_the_key(string key, string value)
    {
        using var factory = GatewayHost.WithoutEmulator(new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains(key, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_are_valid_and_match_the_documented_values()
    {
        var defaults = new GraphQLHttpOptions();

        Assert.True(new GraphQLHttpOptionsValidator().Validate(null, defaults).Succeeded);
        Assert.Equal(1024 * 1024, defaults.MaxRequestBodyBytes);
        Assert.Equal(TimeSpan.FromSeconds(30), defaults.ExecutionTimeout);
        Assert.Equal(10, defaults.MaxBatchSize);
        Assert.Equal(10, defaults.DefaultPageSize);
        Assert.True(defaults.EnableIntrospection);
        Assert.True(defaults.EnableIde);
        Assert.True(new CallerRateLimitOptionsValidator().Validate(null, new CallerRateLimitOptions()).Succeeded);
    }
}
