using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Waldur.GraphGateway.Errors;
using Xunit;
using Xunit.Abstractions;

namespace Waldur.GraphGateway.Tests.Reliability;

/// <summary>
/// Every case of <c>Corpus/*.json</c> against one live gateway: the expected status and <c>extensions.code</c>,
/// a well-formed JSON body, and an answer in bounded time; no unhandled exception in the log.
/// </summary>
public class BadInputCorpusTests(ITestOutputHelper output)
{
    public const int MinimumCases = 200;

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    public static IReadOnlyList<CorpusCase> LoadCorpus()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Reliability", "Corpus");
        var cases = new List<CorpusCase>();
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var items = JsonSerializer.Deserialize<List<CorpusCase>>(File.ReadAllText(file), CorpusExpectation.Json)
                ?? throw new InvalidDataException(file);
            items.ForEach(c => c.File = file);
            cases.AddRange(items);
        }

        return cases;
    }

    [Fact]
    public void The_corpus_is_large_well_named_and_uses_only_defined_codes()
    {
        var cases = LoadCorpus();
        var known = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        output.WriteLine($"{cases.Count} cases in {cases.Select(c => c.File).Distinct().Count()} files");
        Assert.True(cases.Count >= MinimumCases, $"{cases.Count} cases");
        Assert.Equal(cases.Count, cases.Select(c => c.ToString()).Distinct().Count());
        Assert.All(cases, c => Assert.True(c.Expect.Code is null || known.Contains(c.Expect.Code), $"{c}: unknown code {c.Expect.Code}"));
        Assert.All(cases, c => Assert.InRange(c.Expect.Status, 200, 599));
    }

    [Fact]
    public async Task Every_corpus_case_gets_its_status_and_code_in_bounded_time()
    {
        // Production timeouts: a busy machine must not turn a slow healthy call into a failed case.
        await using var host = await GatewayHost.StartWithFaultsAsync(FaultTimeouts.Production, logLevel: Microsoft.Extensions.Logging.LogLevel.Warning);
        var cases = LoadCorpus();
        var failures = new List<string>();
        var lines = new List<string>();
        var clock = Stopwatch.StartNew();
        long bytesSent = 0;
        foreach (var c in cases)
        {
            using var request = CorpusRequestBuilder.Build(c);
            bytesSent += request.Content?.Headers.ContentLength ?? 0;
            var answer = await host.SendAsync(request);
            var code = answer.Codes.Count > 0 ? answer.Codes[0] : null;
            bool ok = answer.Status == c.Expect.Status
                && (c.Expect.Code is null ? answer.Codes.Count == 0 : answer.Codes.Contains(c.Expect.Code))
                && (c.Method == "HEAD" || answer.Json is not null)
                && answer.Elapsed < Bound;
            lines.Add($"{(ok ? "ok  " : "FAIL")} {c}: expected {c.Expect.Status} {c.Expect.Code ?? "-"}, got {answer.Status} {code ?? "-"} in {answer.Elapsed.TotalMilliseconds:0} ms");
            if (!ok)
            {
                failures.Add($"{c}: expected {c.Expect.Status} {c.Expect.Code ?? "-"}, got {answer}");
            }
        }

        var unhandled = host.Logs.Lines.Where(l => l.IsUnhandledError).ToList();
        output.WriteLine($"{cases.Count} cases ({bytesSent / 1024} KiB of bodies) in {clock.ElapsedMilliseconds} ms; {failures.Count} failures; {unhandled.Count} error logs");
        unhandled.DistinctBy(l => l.Exception?.Split(Environment.NewLine)[0]).Take(8).ToList().ForEach(l => output.WriteLine($"  log: {l.AllText[..Math.Min(1500, l.AllText.Length)]}"));
        lines.ForEach(output.WriteLine);
        Assert.Empty(failures);
        Assert.Empty(unhandled);
    }
}
