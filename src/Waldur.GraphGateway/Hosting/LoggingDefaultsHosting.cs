namespace Waldur.GraphGateway.Hosting;

/// <summary>
/// Quiet logging defaults set in code, beneath every configuration source: started as <c>dotnet path/to/the.dll</c>
/// from another folder the host finds no <c>appsettings.json</c>, and ASP.NET Core's, HttpClient's and Polly's
/// Information lines (9 per request) then cost about three times the CPU of the request itself (issue 14).
/// appsettings, environment (<c>Logging__LogLevel__Microsoft.AspNetCore=Information</c>) and command line still win.
/// </summary>
internal static class LoggingDefaultsHosting
{
    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
        ["Logging:LogLevel:Polly"] = "None", // retries show on spans and in resilience_polly_strategy_events_total; a failure is one Warning per operation
    };

    public static WebApplicationBuilder AddQuietLoggingDefaults(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = Defaults });
        return builder;
    }
}
