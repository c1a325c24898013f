using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Waldur.GraphGateway.Tests.Support;

/// <summary>How a test wants its gateway: with or without an emulator behind it, settings as an operator gives them.</summary>
public sealed record GatewayHostOptions
{
    /// <summary>Start an emulator on loopback and point <c>Waldur:BaseUrl</c> at it; without one the gateway talks to <see cref="GatewayHost.ClosedWaldurUrl"/>.</summary>
    public bool Emulator { get; init; } = true;

    /// <summary>Command-line arguments for the emulator (<c>--Emulator:ImageCount=…</c>).</summary>
    public IReadOnlyList<string> EmulatorArgs { get; init; } = [];

    /// <summary>
    /// The emulator on a port of its own rather than port 0, so it can be stopped (the port then refuses: Waldur down)
    /// and started again on the same port (recovery) while tests in parallel bind port 0 (see <see cref="LoopbackPorts"/>).
    /// </summary>
    public bool RestartableEmulator { get; init; }

    /// <summary>Gateway settings; a null value means "not configured" and is left out.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    public Action<IServiceCollection>? Services { get; init; }

    /// <summary>Production by default: responses as operators' users see them (no exception details in errors).</summary>
    public string Environment { get; init; } = "Production";

    /// <summary>Listen on this loopback port with real Kestrel (for clients outside the process, such as a Prometheus scraper) instead of in memory.</summary>
    public int? KestrelPort { get; init; }

    /// <summary>Replace the gateway's log providers by <see cref="GatewayHost.Logs"/> at this level; null keeps its own logging.</summary>
    public LogLevel? CapturedLogLevel { get; init; }
}
