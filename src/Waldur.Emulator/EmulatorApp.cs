namespace Waldur.Emulator;

/// <summary>Builds the emulator's web application; used by its own Program and by the gateway's embedded default.</summary>
public static class EmulatorApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/__emulator/health", () => Results.Ok());
        return app;
    }
}
