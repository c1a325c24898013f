using System.Net;
using System.Net.Sockets;

namespace Waldur.GraphGateway.Tests;

/// <summary>Ports for the real servers the tests start (Prometheus, Redis, HAProxy, gateway processes).</summary>
public static class LoopbackPorts
{
    /// <summary>A port free on 127.0.0.1 now; the caller binds it at once (another process could take it meanwhile).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
