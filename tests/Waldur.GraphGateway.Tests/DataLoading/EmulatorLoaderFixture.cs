using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Waldur.Emulator;
using Waldur.Emulator.Data;
using Waldur.Emulator.Journal;
using Waldur.GraphGateway.Loading.DataLoading;
using Waldur.GraphGateway.WaldurApi;
using Xunit;

namespace Waldur.GraphGateway.Tests.DataLoading;

/// <summary>The emulator on a dynamic loopback port, and the gateway's loader services over it (one scope = one request).</summary>
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
        var services = new ServiceCollection();
        // Owned (and disposed) by the provider.
        services.AddSingleton(_ =>
        {
            var http = new HttpClient { BaseAddress = new Uri(_emulator.Urls.First().TrimEnd('/') + "/") };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", "demo-token");
            return http;
        });
        services.AddSingleton<IWaldurClient, LoopbackWaldurClient>();
        services.AddDigitalOceanDataLoaders(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DataLoading:ByUuidConcurrency"] = "4" }).Build());
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_emulator is not null)
            await _emulator.DisposeAsync();
    }
}
