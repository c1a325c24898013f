using Microsoft.Extensions.Options;
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

        var services = builder.Services;
        var section = builder.Configuration.GetSection(EmulatorOptions.Section);
        services.AddOptions<EmulatorOptions>()
            .Bind(section)
            .Configure(o =>
            {
                // Two settings the binder cannot read alone: the core counts are flat keys of the section
                // (Emulator:CustomerCount), and Emulator:Tokens may be one comma-separated value.
                section.Bind(o.Core);
                o.Tokens = EmulatorOptions.TokenList(section.GetSection(nameof(EmulatorOptions.Tokens))) ?? o.Tokens;
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmulatorOptions>, EmulatorOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<EmulatorOptions>>().Value);
        services.AddSingleton(sp => EmulatorDataset.Generate(sp.GetRequiredService<EmulatorOptions>()));
        services.AddSingleton<ResourceRegistry>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<EmulatorOptions>();
            return new TokenAuthenticator([.. options.Tokens, .. options.Users.Keys]);
        });
        services.AddSingleton(sp => new Writes.Provisioner(sp.GetRequiredService<EmulatorDataset>(), sp.GetRequiredService<EmulatorOptions>().ProvisioningDelayMs));
        services.AddSingleton<Writes.WriteEndpoints>();
        services.AddSingleton<Writes.GenericWrites>();
        services.AddSingleton<WaldurHandler>();
        services.AddSingleton<RequestJournal>();
        services.AddSingleton(sp => new FaultState(sp.GetRequiredService<EmulatorOptions>().Faults));

        var app = builder.Build();
        app.UseMiddleware<JournalMiddleware>();
        app.UseMiddleware<ControlEndpoints>();
        app.UseMiddleware<FaultMiddleware>();
        // Resolved now, and with it the settings and the data set: a bad value stops Build, naming its key.
        var handler = app.Services.GetRequiredService<WaldurHandler>();
        app.Run(handler.HandleAsync);
        return app;
    }
}
