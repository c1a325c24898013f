namespace Waldur.GraphGateway.Hosting;

/// <summary>
/// Settings are read once, at start: no option of the gateway is reloaded while it runs. The host's default (reload on
/// change) watches its content root, the folder the gateway is started from, recursively, for a changed appsettings
/// file: from a busy folder that walk costs seconds of start-up (measured: +1.5 s started from a /tmp holding ~6,000
/// entries, issue 25) and holds an inotify watch per subfolder for the process's life.
/// </summary>
internal static class ConfigurationReload
{
    public const string Switch = "hostBuilder:reloadConfigOnChange";

    /// <summary>The command line with reloading switched off (last, so it wins).</summary>
    public static string[] Off(string[] args) => [.. args, $"--{Switch}=false"];
}
