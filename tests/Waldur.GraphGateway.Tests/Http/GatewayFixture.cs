namespace Waldur.GraphGateway.Tests.Http;

/// <summary>One in-memory gateway with default settings, shared by a test class.</summary>
public sealed class GatewayFixture : IDisposable
{
    private readonly GatewayFactory _factory = new();

    public GatewayFixture() => Client = _factory.CreateClient();

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
