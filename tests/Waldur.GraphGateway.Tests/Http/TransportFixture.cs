namespace Waldur.GraphGateway.Tests.Http;

/// <summary>One in-memory gateway with default settings and no reachable Waldur, shared by a transport test class.</summary>
public sealed class TransportFixture : IDisposable
{
    private readonly GatewayHost _factory = GatewayHost.WithoutEmulator();

    public TransportFixture() => Client = _factory.CreateClient();

    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    public HttpClient CreateClientWithoutRedirects() =>
        _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public void Dispose()
    {
        Client.Dispose();
        _factory.Dispose();
    }
}
