using System.Net;
using System.Text.Json.Nodes;
using Waldur.GraphGateway.Errors;
using Xunit;
using Xunit.Abstractions;

namespace Waldur.GraphGateway.Tests.Reliability;

/// <summary>
/// Issue 17 against the real gateway and emulator: a filter too large is refused before any Waldur call, inputs count
/// in the complexity with this request's variables, one request's Waldur calls are capped, and one caller's flood is
/// answered 429 without touching another caller or the health endpoints.
/// </summary>
public sealed class BoundedWorkTests(ITestOutputHelper output)
{
    private const string ImagesQuery =
        "query Q($w: DigitalOceanImageFilterInput) { digitalOceanImages(where: $w) { totalCount nodes { name } } }";

    private static JsonObject Or(int terms) => new()
    {
        ["or"] = new JsonArray([.. Enumerable.Range(0, terms).Select(i => (JsonNode)new JsonObject { ["name"] = new JsonObject { ["contains"] = $"zz{i}q" } })]),
    };

    [Fact]
    public async Task Filters_over_the_limits_are_refused_before_any_Waldur_call()
    {
        await using var host = await GatewayHost.StartWithFaultsAsync();
        await host.ClearJournalAsync();
        var inList = new JsonObject { ["name"] = new JsonObject { ["in"] = new JsonArray([.. Enumerable.Range(0, 5000).Select(i => (JsonNode)$"n{i}")]) } };
        var regions = new JsonObject { ["regions"] = new JsonObject { ["some"] = Or(3000) } };

        var answers = new List<GatewayAnswer>();
        foreach (var where in new[] { Or(5000), Or(51), inList, regions })
        {
            answers.Add(await host.PostQueryAsync(ImagesQuery, new { w = where }));
        }

        var journal = await host.UpstreamCallsAsync();
        answers.ForEach(a => output.WriteLine($"{a.Status} {string.Join(",", a.Codes)} in {a.Elapsed.TotalMilliseconds:0} ms"));
        Assert.All(answers, a => Assert.Equal((ErrorCodes.FilterTooComplex, null), (a.Codes.Single(), a.Data)));
        Assert.Empty(journal);
    }

    [Fact]
    public async Task Complexity_counts_filter_terms_and_a_possible_scan_with_this_requests_variables()
    {
        // The field 1, each term 1, a possible scan 34 (10,000 rows are 34 Waldur pages), then ×10 rows: totalCount,
        // nodes and name 10 each. No filter: 31; one term: 66; ten terms: 75.
        await using var host = await GatewayHost.StartWithFaultsAsync(new Dictionary<string, string?>(FaultTimeouts.Production) { ["GraphQL:MaxComplexity"] = "70" });

        var none = await host.PostQueryAsync(ImagesQuery, new { w = (object?)null });
        var one = await host.PostQueryAsync(ImagesQuery, new { w = Or(1) });
        var ten = await host.PostQueryAsync(ImagesQuery, new { w = Or(10) });

        Assert.Equal((200, 0), (none.Status, none.Codes.Count));
        Assert.Equal((200, 0), (one.Status, one.Codes.Count));
        Assert.Equal((200, ErrorCodes.MaxComplexityExceeded), (ten.Status, ten.Codes.Single()));
    }

    [Fact]
    public async Task Waldur_calls_past_the_cap_fail_their_fields_and_the_others_answer()
    {
        await using var host = await GatewayHost.StartWithFaultsAsync(new Dictionary<string, string?>(FaultTimeouts.Production) { ["Waldur:MaxCallsPerRequest"] = "3" });
        var fields = string.Join(" ", Enumerable.Range(0, 5).Select(i => $"f{i}: digitalOceanImages(where: {{ name: {{ eq: \"n{i}\" }} }}) {{ totalCount }}"));
        await host.ClearJournalAsync();

        var answer = await host.PostQueryAsync($"{{ {fields} }}");

        var journal = await host.UpstreamCallsAsync();
        var answered = Enumerable.Range(0, 5).Count(i => answer.Data?[$"f{i}"]?["totalCount"] is not null);
        output.WriteLine(answer.ToString());
        Assert.Equal(200, answer.Status);
        Assert.Equal(3, answered);
        Assert.Equal([ErrorCodes.WaldurCallsExceeded, ErrorCodes.WaldurCallsExceeded], answer.Codes);
        Assert.Equal(3, journal.Count);
    }

    [Fact]
    public async Task A_callers_requests_past_its_slots_and_queue_get_429_while_others_and_health_are_served()
    {
        await using var host = await GatewayHost.StartWithFaultsAsync(new Dictionary<string, string?>(FaultTimeouts.Production)
        {
            ["RateLimiting:ConcurrentRequestsPerCaller"] = "1",
            ["RateLimiting:QueueLimitPerCaller"] = "0",
            ["RateLimiting:RetryAfterSeconds"] = "2",
        }, emulatorArgs: ["--Emulator:Tokens:0=" + Waldur.GraphGateway.Hosting.EmbeddedEmulatorHosting.DemoToken, "--Emulator:Tokens:1=other-token"]);
        // The first request holds the caller's one slot while Waldur is slow. The second is sent once the first is
        // seen waiting on Waldur (it has the slot), not after a fixed time: on a busy machine the first could still be
        // on its way to the limiter then, or already done, and either request could get the slot.
        await host.SetFaultsAsync(new { latencyMs = 5000 });
        var slow = host.PostQueryAsync("{ digitalOceanImages(first: 1) { totalCount } }");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await host.UpstreamCallsAsync()).Any(c => c.Path.Contains("digitalocean-images", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        using var refused = await host.Client.SendAsync(Post(GatewayHost.Token));
        var refusedBody = JsonNode.Parse(await refused.Content.ReadAsStringAsync());
        var other = await host.PostQueryAsync("{ __typename }", authorization: "Token other-token");
        using var health = await host.Client.GetAsync("/healthz");
        var first = await slow;

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("2", refused.Headers.GetValues("Retry-After").Single());
        Assert.Equal(ErrorCodes.RateLimited, refusedBody?["errors"]?[0]?["extensions"]?["code"]?.ToString());
        Assert.Equal((200, 0), (other.Status, other.Codes.Count));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(200, first.Status);
    }

    private static HttpRequestMessage Post(string authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("{\"query\":\"{ __typename }\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return request;
    }
}
