using Microsoft.Extensions.Options;
using Xunit;

namespace Waldur.GraphGateway.Tests.Hosting;

/// <summary>
/// The option families no other test refuses (Waldur, Lists, DataLoading, Telemetry, Federation): a bad value, or two
/// that disagree, stops start-up through the generated validator with a message naming the key.
/// </summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("Waldur:BaseUrl", "ftp://waldur.example.org/", "Waldur:BaseUrl")]
    [InlineData("Waldur:MaxCallsPerRequest", "0", "Waldur:MaxCallsPerRequest")]
    [InlineData("Waldur:Resilience:MaxRetryAttempts", "11", "Waldur:Resilience:MaxRetryAttempts")]
    [InlineData("Waldur:Resilience:TotalTimeout", "00:00:01", "Waldur:Resilience:TotalTimeout")]
    [InlineData("Lists:MaxPageSize", "0", "Lists:MaxPageSize")]
    [InlineData("Lists:DefaultPageSize", "500", "Lists:DefaultPageSize must not exceed Lists:MaxPageSize")]
    [InlineData("DataLoading:ByUuidConcurrency", "65", "DataLoading:ByUuidConcurrency")]
    [InlineData("Telemetry:PrometheusPath", "metrics", "Telemetry:PrometheusPath")]
    [InlineData("Federation:Version", "1.0", "Federation:Version")]
    public void A_bad_setting_stops_start_up_naming_its_key(string key, string value, string named)
    {
        using var factory = GatewayHost.WithoutEmulator(new Dictionary<string, string?> { [key] = value });

        // Waldur:* failures arrive wrapped in an AggregateException (start-up validation gathers them); either way the
        // host does not start and the message names the key.
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.True(error is OptionsValidationException or AggregateException { InnerException: OptionsValidationException }, error.ToString());
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
