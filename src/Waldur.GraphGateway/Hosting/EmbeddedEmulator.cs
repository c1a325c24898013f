using Waldur.Emulator;

namespace Waldur.GraphGateway.Hosting;

/// <summary>
/// The emulator the gateway runs in-process when no <c>Waldur:BaseUrl</c> is set, for as long as the gateway runs. Kestrel
/// binds a free loopback port itself (port 0) and the address it bound is the gateway's Waldur root: no other process can
/// take the port between choosing and binding it, as one could when a probed port was released and bound later.
/// </summary>
/// <remarks>
/// It starts the first time <see cref="Url"/> is read: the start-up validation of the Waldur settings reads it, before any
/// hosted service runs (and the Waldur client after that); as a hosted service it only makes sure it has started. It is
/// built once the gateway's host is built, never before: the first host of the process is the one WebApplicationFactory
/// takes for the gateway.
/// </remarks>
internal sealed class EmbeddedEmulator(IConfiguration configuration, ILogger<EmbeddedEmulator> logger) : IHostedService, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private WebApplication? _emulator;
    private Uri? _url;

    /// <summary>The emulator's root (<c>http://127.0.0.1:{port}/</c>), once it listens; also set as <c>Waldur:BaseUrl</c>.</summary>
    public Uri Url
    {
        get
        {
            lock (_gate)
            {
                return _url ??= Start();
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Url;
        return Task.CompletedTask;
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

    private Uri Start()
    {
        // Its own "Now listening on:" left out: it starts before the gateway listens, whose line that is (README); the
        // warning below names the emulator's address.
        var emulator = EmulatorApp.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning"]);
        try
        {
            // Options are configured synchronously; the start runs off any synchronization context, so its awaits never
            // wait for the thread blocked here.
            Task.Run(() => emulator.StartAsync()).GetAwaiter().GetResult();
        }
        catch
        {
            Task.Run(() => emulator.DisposeAsync().AsTask()).GetAwaiter().GetResult();
            throw;
        }

        _emulator = emulator;
        // The address Kestrel bound, port and all (IServerAddressesFeature).
        var url = new Uri(emulator.Urls.Single().TrimEnd('/') + "/");
        configuration["Waldur:BaseUrl"] = url.AbsoluteUri;
        logger.LogWarning(
            "No Waldur:BaseUrl configured (env Waldur__BaseUrl): serving against the embedded Waldur emulator at {Url} with demo data. " +
            "Send 'Authorization: Token {Token}' with your GraphQL requests", url.AbsoluteUri, EmbeddedEmulatorHosting.DemoToken);
        return url;
    }
}
