using Xunit;

namespace Waldur.GraphGateway.Tests.EndToEnd;

/// <summary>One gateway + default emulator (150 images, 12 regions, seed 42) shared by a test class.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public GatewayHost Gateway { get; private set; } = null!;

    public async Task InitializeAsync() => Gateway = await GatewayHost.StartAsync();

    public async Task DisposeAsync() => await Gateway.DisposeAsync();
}
