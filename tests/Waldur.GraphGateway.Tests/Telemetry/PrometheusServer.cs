using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Waldur.GraphGateway.Tests.Telemetry;

/// <summary>
/// Debian's <c>prometheus</c> (the real server, apt-get install prometheus) scraping one target every second, with
/// its storage in a temporary folder and its API on a free loopback port. Stopped and deleted on dispose.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;
    private readonly HttpClient _api;

    private PrometheusServer(Process process, string directory, Uri api)
    {
        _process = process;
        _directory = directory;
        _api = new HttpClient { BaseAddress = api };
    }

    /// <summary>The binary, or null when the package is not installed.</summary>
    public static string? Binary() =>
        new[] { "/usr/bin/prometheus", "/usr/local/bin/prometheus" }.FirstOrDefault(File.Exists);

    public static PrometheusServer Start(string binary, Uri target, string metricsPath)
    {
        var directory = Directory.CreateTempSubdirectory("gg-prometheus-").FullName;
        var config = Path.Combine(directory, "prometheus.yml");
        File.WriteAllText(config, $"""
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: waldur-graphgateway
                metrics_path: {metricsPath}
                static_configs:
                  - targets: ['{target.Authority}']
            """);
        var port = LoopbackPorts.Free();
        var start = new ProcessStartInfo(binary)
        {
            ArgumentList =
            {
                $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(directory, "data")}",
                $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{binary} did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new PrometheusServer(process, directory, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>
    /// Polls <c>/api/v1/query</c> until <paramref name="promql"/> returns a sample that <paramref name="accept"/>s, or
    /// the bounded wait ends; returns the last value seen (null: no sample at all).
    /// </summary>
    public async Task<double?> QueryUntilAsync(string promql, Func<double, bool> accept, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        double? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var answer = JsonNode.Parse(await _api.GetStringAsync(new Uri($"api/v1/query?query={Uri.EscapeDataString(promql)}", UriKind.Relative)));
                if (answer?["data"]?["result"]?.AsArray() is [var first, ..])
                {
                    last = double.Parse(first!["value"]![1]!.GetValue<string>(), CultureInfo.InvariantCulture);
                    if (accept(last.Value))
                    {
                        return last;
                    }
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        return last;
    }

    /// <summary>Prometheus's view of its targets (health, last error), for failure messages.</summary>
    public async Task<string> TargetsAsync() => await _api.GetStringAsync(new Uri("api/v1/targets", UriKind.Relative));

    public async ValueTask DisposeAsync()
    {
        _api.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
