using System.Net;
using System.Net.Sockets;
using Waldur.GraphGateway.Http;

namespace Waldur.GraphGateway.Hosting;

/// <summary>With no <c>Waldur:BaseUrl</c>, starts the emulator in-process so a newcomer's <c>dotnet run</c> works (issue 3).</summary>
internal static class EmbeddedEmulatorHosting
{
    public const string DemoToken = "demo-token";

    public static WebApplicationBuilder AddEmbeddedEmulatorWhenNoWaldurUrl(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!string.IsNullOrWhiteSpace(builder.Configuration["Waldur:BaseUrl"]))
        {
            return builder;
        }

        // The address is fixed now, because the Waldur client and its start-up validation read it before any
        // hosted service runs; the emulator itself starts as the first hosted service. Building it here instead would
        // make it the first host of the process, which WebApplicationFactory would then mistake for the gateway.
        var url = $"http://127.0.0.1:{FreeLoopbackPort()}/";
        builder.Configuration.AddInMemoryCollection([new KeyValuePair<string, string?>("Waldur:BaseUrl", url)]);
        builder.Services.AddHostedService(provider => new EmbeddedEmulatorService(url, provider.GetRequiredService<ILogger<EmbeddedEmulatorService>>()));
        // The IDE is preset to call it as the demo user, so a newcomer's first Run answers (never with a real Waldur).
        builder.Services.AddSingleton(IdePreset.ForDemo($"Token {DemoToken}"));
        return builder;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
