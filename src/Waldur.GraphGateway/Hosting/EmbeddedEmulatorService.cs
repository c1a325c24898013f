namespace Waldur.GraphGateway.Hosting;

/// <summary>Announces the embedded emulator when the gateway starts and stops it with the gateway.</summary>
public sealed class EmbeddedEmulatorService(WebApplication emulator, string url, ILogger<EmbeddedEmulatorService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogWarning(
            "No Waldur:BaseUrl configured (env Waldur__BaseUrl): serving against the embedded Waldur emulator at {Url} with demo data. " +
            "Send 'Authorization: Token {Token}' with your GraphQL requests", url, EmbeddedEmulatorHosting.DemoToken);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await emulator.StopAsync(cancellationToken).ConfigureAwait(false);
        await emulator.DisposeAsync().ConfigureAwait(false);
    }
}
