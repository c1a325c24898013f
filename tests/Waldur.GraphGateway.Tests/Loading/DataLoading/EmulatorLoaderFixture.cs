using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Waldur.Catalog.Generated;
using Waldur.Emulator;
using Waldur.Emulator.Data;
using Waldur.Emulator.Journal;
using Waldur.GraphGateway.Hosting;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading.DataLoading;

/// <summary>
/// The emulator on a dynamic loopback port, and the gateway's real Waldur client and loading services over it (one
/// scope = one request; with no caller, the client sends the configured service token).
/// </summary>
public sealed class EmulatorLoaderFixture : IAsyncLifetime
{
    private WebApplication? _emulator;

    public ServiceProvider Services { get; private set; } = null!;

    public EmulatorDataset Dataset => _emulator!.Services.GetRequiredService<EmulatorDataset>();

    public RequestJournal Journal => _emulator!.Services.GetRequiredService<RequestJournal>();

    public async Task InitializeAsync()
    {
        _emulator = EmulatorApp.Build(["--urls", "http://127.0.0.1:0", "--Emulator:ImageCount=700"]);
        await _emulator.StartAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Waldur:BaseUrl"] = _emulator.Urls.First(),
                ["Waldur:ServiceToken"] = Waldur.GraphGateway.Hosting.EmbeddedEmulatorHosting.DemoToken,
                ["DataLoading:ByUuidConcurrency"] = "4",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWaldurApi(configuration);
        services.AddWaldurLoading(configuration, WaldurCatalog.Reviewed);
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
