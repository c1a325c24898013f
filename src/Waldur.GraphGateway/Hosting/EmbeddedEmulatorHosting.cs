using Waldur.GraphGateway.Http;
using Waldur.GraphGateway.WaldurApi;

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

        // The Waldur root is the address the emulator's Kestrel bound, known once it listens: the Waldur settings take it
        // when first read (their start-up validation, before any hosted service runs), which starts the emulator. Its
        // hosted service, registered first, stops it last.
        builder.Services.AddSingleton<EmbeddedEmulator>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<EmbeddedEmulator>());
        builder.Services.AddOptions<WaldurOptions>().PostConfigure<EmbeddedEmulator>((options, emulator) => options.BaseUrl = emulator.Url);
        // The IDE is preset to call it as the demo user, so a newcomer's first Run answers (never with a real Waldur).
        builder.Services.AddSingleton(IdePreset.ForDemo($"Token {DemoToken}"));
        return builder;
    }
}
