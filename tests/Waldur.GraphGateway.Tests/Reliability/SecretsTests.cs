using System.Collections.Concurrent;
using System.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace Waldur.GraphGateway.Tests.Reliability;

/// <summary>
/// Credentials stay where they belong: never in logs (every level captured), traces or responses; only
/// <c>Authorization</c> reaches Waldur; and outside Development no error shows stack traces or Waldur's address.
/// </summary>
public class SecretsTests(ITestOutputHelper output)
{
    private const string Key = "s3cr3t-key-5f1c9d";
    private const string WrongKey = "wr0ng-key-77aa01";
    private const string CookieSecret = "cookie-secret-0b4e";
    private const string ApiKeySecret = "api-key-secret-93d2";

    private static readonly Dictionary<string, string> CallerHeaders = new()
    {
        ["Cookie"] = $"sessionid={CookieSecret}; csrftoken={CookieSecret}",
        ["X-Api-Key"] = ApiKeySecret,
        ["X-Forwarded-For"] = "203.0.113.7",
        ["Proxy-Authorization"] = $"Basic {ApiKeySecret}",
        ["X-Custom-Secret"] = ApiKeySecret,
    };

    private static readonly string[] CallerOnlyHeaderNames = ["cookie", "x-api-key", "x-forwarded-for", "proxy-authorization", "x-custom-secret", "origin", "referer"];

    [Fact]
    public async Task Tokens_never_leak_and_only_Authorization_is_forwarded()
    {
        var activities = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => activities.Enqueue($"{a.Source.Name} {a.DisplayName} {string.Join(" ", a.TagObjects.Select(t => $"{t.Key}={t.Value}"))} "
                + $"{string.Join(" ", a.Baggage.Select(b => $"{b.Key}={b.Value}"))} {string.Join(" ", a.Events.Select(e => e.Name + string.Join(",", e.Tags.Select(t => t.Value))))}"),
        };
        ActivitySource.AddActivityListener(listener);

        await using var host = await GatewayHost.StartWithFaultsAsync(FaultTimeouts.Production, emulatorArgs: [$"--Emulator:Tokens={Key}"]);
        var headers = new Dictionary<string, string>(CallerHeaders) { ["Origin"] = "https://evil.example", ["Referer"] = $"https://x/?token={Key}" };
        var answers = new List<GatewayAnswer>();
        const string query = "{ digitalOceanImages(first: 2) { nodes { uuid regions { name } } } digitalOceanRegions(first: 1) { totalCount } }";

        answers.Add(await host.PostQueryAsync(query, authorization: $"Token {Key}", headers: headers));
        answers.Add(await host.PostQueryAsync(query, authorization: $"Bearer {Key}", headers: headers));
        answers.Add(await host.PostQueryAsync(query, authorization: $"Token {WrongKey}", headers: headers));
        answers.Add(await host.PostQueryAsync("{ digitalOceanImages(first: -1) { totalCount } nope }", authorization: $"Token {Key}", headers: headers));
        answers.Add(await host.SendAsync(HttpMethod.Post, "/graphql", "{\"query\": \"{", "application/json", $"Token {Key}", headers));
        foreach (var faults in new object[] { new { errorRate = 1.0 }, new { resetRate = 1.0 }, new { malformedRate = 1.0 }, new { throttleRate = 1.0, retryAfterSeconds = 0 } })
        {
            await host.SetFaultsAsync(faults);
            answers.Add(await host.PostQueryAsync(query, authorization: $"Token {Key}", headers: headers));
        }

        await host.ClearFaultsAsync();
        await host.StopEmulatorAsync();
        answers.Add(await host.PostQueryAsync(query, authorization: $"Token {Key}", headers: headers));
        await host.RestartEmulatorAsync();
        answers.Add(await host.PostQueryAsync(query, authorization: $"Token {Key}", headers: headers));
        var journal = await host.UpstreamCallsAsync();

        var logs = host.Logs.Lines;
        var emulatorAddress = host.EmulatorUri.Authority;
        output.WriteLine($"{answers.Count} requests (ok, bearer, rejected token, field and document errors, 4 faults, Waldur down, recovery)");
        output.WriteLine($"captured {logs.Count} log lines (all levels), {activities.Count} trace spans, {journal.Count} Waldur requests after recovery");
        output.WriteLine($"Waldur saw headers: {string.Join(", ", journal.SelectMany(j => j.HeaderNames).Distinct().Order())}");

        string[] secrets = [Key, WrongKey, CookieSecret, ApiKeySecret];
        foreach (var secret in secrets)
        {
            var inLogs = logs.Where(l => l.AllText.Contains(secret, StringComparison.Ordinal)).ToList();
            var inTraces = activities.Where(a => a.Contains(secret, StringComparison.Ordinal)).ToList();
            var inAnswers = answers.Where(a => a.Body.Contains(secret, StringComparison.Ordinal)).ToList();
            output.WriteLine($"'{secret}': {inLogs.Count} log lines, {inTraces.Count} spans, {inAnswers.Count} answers");
            inLogs.Take(3).ToList().ForEach(l => output.WriteLine($"  log: {l.AllText}"));
            inTraces.Take(3).ToList().ForEach(t => output.WriteLine($"  span: {t}"));
            Assert.Empty(inLogs);
            Assert.Empty(inTraces);
            Assert.Empty(inAnswers);
        }

        // The journal after the restart holds the recovery request's calls: Authorization went, nothing of the caller's else.
        Assert.NotEmpty(journal);
        Assert.All(journal, call => Assert.Contains("authorization", call.HeaderNames));
        Assert.All(journal, call => Assert.Empty(call.HeaderNames.Intersect(CallerOnlyHeaderNames)));
        Assert.All(journal, call => Assert.Equal(200, call.Status));

        // Production answers never show internals.
        foreach (var answer in answers)
        {
            Assert.DoesNotContain("   at ", answer.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", answer.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(emulatorAddress, answer.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("/api/digitalocean", answer.Body, StringComparison.Ordinal);
        }

        Assert.Contains("AUTH_NOT_AUTHENTICATED", answers[2].Codes);
        Assert.Empty(answers[0].Codes);
        Assert.Empty(answers[1].Codes);
        Assert.Empty(answers[^1].Codes);
    }
}
