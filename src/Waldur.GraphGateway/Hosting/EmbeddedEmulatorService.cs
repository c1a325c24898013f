using Waldur.Emulator;

namespace Waldur.GraphGateway.Hosting;

/// <summary>Runs the embedded emulator for as long as the gateway runs, and says so in the log.</summary>
internal sealed class EmbeddedEmulatorService(string url, ILogger<EmbeddedEmulatorService> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _emulator;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _emulator = EmulatorApp.Build(["--urls", url.TrimEnd('/')]);
        await _emulator.StartAsync(cancellationToken);
        logger.LogWarning(
            "No Waldur:BaseUrl configured (env Waldur__BaseUrl): serving against the embedded Waldur emulator at {Url} with demo data. " +
            "Send 'Authorization: Token {Token}' with your GraphQL requests", url, EmbeddedEmulatorHosting.DemoToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_emulator is not null)
        {
            await _emulator.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
            _emulator = null;
        }
    }
}
