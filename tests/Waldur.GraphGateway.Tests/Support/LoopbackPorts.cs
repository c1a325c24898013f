using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Waldur.GraphGateway.Tests.Support;

/// <summary>Ports for the real servers the tests start (Prometheus, Redis, HAProxy, gateway processes).</summary>
public static class LoopbackPorts
{
    /// <summary>How many ports below the kernel's ephemeral range this process hands out from.</summary>
    private const int Span = 8000;

    private static readonly int First = EphemeralStart() - Span;

    // A random start per process: test runs side by side on one machine begin far apart.
    private static int _offset = Random.Shared.Next(Span);

    /// <summary>
    /// A port free on 127.0.0.1 now, never handed out twice by this process, and below the kernel's ephemeral range:
    /// the servers and clients of tests running in parallel bind port 0 or connect, and the kernel gives those
    /// ephemeral ports only, so none can take this port before the caller's server binds it (or binds it again, as a
    /// restarted Redis does). A port picked by binding port 0 was in that range, open to exactly that race.
    /// </summary>
    public static int Free()
    {
        for (var tried = 0; tried < Span; tried++)
        {
            var port = First + (Interlocked.Increment(ref _offset) % Span);
            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free loopback port in {First}-{First + Span - 1}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The first port of Linux's ephemeral range (ip_local_port_range), 32768 where it cannot be read.</summary>
    private static int EphemeralStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        var text = File.Exists(range) ? File.ReadAllText(range).Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries) : [];
        return text.Length > 0 && int.TryParse(text[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start) && start > Span + 1024
            ? start
            : 32768;
    }
}
