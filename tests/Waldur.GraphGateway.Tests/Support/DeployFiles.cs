using System.Text.RegularExpressions;

namespace Waldur.GraphGateway.Tests.Support;

/// <summary>
/// deploy/compose.yaml and deploy/haproxy.cfg, read the way the replica tests use them: the gateway settings of the
/// compose file's <c>x-gateway</c> block, and the balancer configuration with its addresses moved to loopback.
/// </summary>
internal static partial class DeployFiles
{
    public static string ComposePath => Path.Combine(RepositoryRoot.Path, "deploy", "compose.yaml");

    public static string HaproxyPath => Path.Combine(RepositoryRoot.Path, "deploy", "haproxy.cfg");

    /// <summary>The replicas' environment (<c>Section__Key: value</c>) from the <c>x-gateway</c> anchor, quotes removed.</summary>
    public static IReadOnlyDictionary<string, string> GatewayEnvironment()
    {
        var lines = File.ReadAllLines(ComposePath);
        var start = Array.FindIndex(lines, l => l.StartsWith("x-gateway:", StringComparison.Ordinal));
        var environment = Array.FindIndex(lines, start + 1, l => l.Trim() == "environment:");
        if (start < 0 || environment < 0)
        {
            throw new InvalidDataException($"{ComposePath} has no x-gateway block with an environment.");
        }

        var indent = Indent(lines[environment]);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(environment + 1).TakeWhile(l => l.Trim().Length == 0 || Indent(l) > indent))
        {
            if (Setting().Match(line) is { Success: true } m)
            {
                settings[m.Groups[1].Value] = m.Groups[2].Value.Trim().Trim('"');
            }
        }

        return settings;
    }

    /// <summary>deploy/haproxy.cfg listening on <paramref name="port"/> and balancing over the two loopback replicas.</summary>
    public static string HaproxyOnLoopback(int port, int gateway1, int gateway2) =>
        ReplaceOnce(ReplaceOnce(ReplaceOnce(File.ReadAllText(HaproxyPath),
            "bind :8080", $"bind 127.0.0.1:{port}"),
            "gateway1:8080", $"127.0.0.1:{gateway1}"),
            "gateway2:8080", $"127.0.0.1:{gateway2}");

    private static string ReplaceOnce(string text, string from, string to)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        return at >= 0 && text.IndexOf(from, at + 1, StringComparison.Ordinal) < 0
            ? text.Replace(from, to, StringComparison.Ordinal)
            : throw new InvalidDataException($"{HaproxyPath} must contain '{from}' exactly once.");
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    [GeneratedRegex(@"^\s+([A-Za-z0-9_]+):\s*(.*)$")]
    private static partial Regex Setting();
}
