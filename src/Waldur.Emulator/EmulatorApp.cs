using Waldur.Emulator.Auth;
using Waldur.Emulator.Control;
using Waldur.Emulator.Data;
using Waldur.Emulator.Faults;
using Waldur.Emulator.Journal;
using Waldur.Emulator.Waldur;

namespace Waldur.Emulator;

/// <summary>Builds the emulator's web application; used by its own Program and by the gateway's embedded default.</summary>
public static class EmulatorApp
{
    /// <summary>Configured by <c>args</c> (<c>--urls</c>, <c>--Emulator:ImageCount=…</c>, …). The app's services hold the
    /// <see cref="EmulatorDataset"/>, <see cref="RequestJournal"/> and <see cref="FaultState"/> it serves.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        var options = EmulatorOptionsReader.Read(builder.Configuration);
        var dataset = EmulatorDataset.Generate(options);
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(dataset);
        var json = new JsonCache(dataset);
        services.AddSingleton(json);
        services.AddSingleton(new ResourceRegistry(dataset, json, options));
        services.AddSingleton(new TokenAuthenticator([.. options.Tokens, .. options.Users.Keys]));
        services.AddSingleton(new Writes.Provisioner(dataset, options.ProvisioningDelayMs));
        services.AddSingleton<Writes.WriteEndpoints>();
        services.AddSingleton<Writes.GenericWrites>();
        services.AddSingleton<WaldurHandler>();
        services.AddSingleton<RequestJournal>();
        services.AddSingleton(new FaultState(options.Faults));

        var app = builder.Build();
        app.UseMiddleware<JournalMiddleware>();
        app.UseMiddleware<ControlEndpoints>();
        app.UseMiddleware<FaultMiddleware>();
        var handler = app.Services.GetRequiredService<WaldurHandler>();
        app.Run(handler.HandleAsync);
        return app;
    }
}
