using Waldur.Emulator;

namespace Waldur.GraphGateway.Hosting;

/// <summary>With no <c>Waldur:BaseUrl</c>, starts the emulator in-process so a newcomer's <c>dotnet run</c> works (issue 3).</summary>
public static class EmbeddedEmulatorHosting
{
    public const string DemoToken = "demo-token";

    public static WebApplicationBuilder AddEmbeddedEmulatorWhenNoWaldurUrl(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!string.IsNullOrWhiteSpace(builder.Configuration["Waldur:BaseUrl"]))
        {
            return builder;
        }

        // Started now, before the gateway is built, because the Waldur client and readiness probe read the URL then.
        var emulator = EmulatorApp.Build(["--urls", "http://127.0.0.1:0"]);
        emulator.StartAsync().GetAwaiter().GetResult();
        var url = emulator.Urls.First().TrimEnd('/') + "/";
        builder.Configuration["Waldur:BaseUrl"] = url;
        builder.Services.AddHostedService(provider => new EmbeddedEmulatorService(emulator, url, provider.GetRequiredService<ILogger<EmbeddedEmulatorService>>()));
        return builder;
    }
}
