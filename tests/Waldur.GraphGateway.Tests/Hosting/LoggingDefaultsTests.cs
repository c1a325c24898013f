using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Waldur.GraphGateway.Tests.Hosting;

/// <summary>The per-request framework categories are quiet without any settings file, and settings still override them.</summary>
public sealed class LoggingDefaultsTests
{
    private static readonly string[] PerRequestCategories =
        ["Microsoft.AspNetCore.Hosting.Diagnostics", "Microsoft.AspNetCore.Routing.EndpointMiddleware", "System.Net.Http.HttpClient.Waldur.LogicalHandler", "Polly"];

    [Fact]
    public void Per_request_framework_lines_are_off_by_default_and_the_gateways_own_are_on()
    {
        using var factory = GatewayHost.WithoutEmulator();
        var loggers = factory.Services.GetRequiredService<ILoggerFactory>();

        Assert.All(PerRequestCategories, category => Assert.False(loggers.CreateLogger(category).IsEnabled(LogLevel.Information), category));
        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Warning));
        Assert.True(loggers.CreateLogger("Waldur.GraphGateway.Http.GraphQLHttpEndpoint").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public void A_setting_overrides_the_defaults()
    {
        using var factory = GatewayHost.WithoutEmulator(new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information" });
        var loggers = factory.Services.GetRequiredService<ILoggerFactory>();

        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information));
    }
}
