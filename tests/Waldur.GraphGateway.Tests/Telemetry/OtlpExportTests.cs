using System.Text;
using System.Text.Json.Nodes;
using Waldur.GraphGateway.Http;
using Xunit;
using Xunit.Abstractions;

namespace Waldur.GraphGateway.Tests.Telemetry;

/// <summary>
/// The gateway's real OTLP exporter (http/protobuf) sends to a receiver started here: the spans of one request form
/// one tree under the operation span, Waldur calls included, and no attribute carries a credential or a value a
/// caller sent.
/// </summary>
public sealed class OtlpExportTests(ITestOutputHelper output)
{
    private const string S1 = "query S1($first: Int!) { digitalOceanImages(first: $first) { nodes { uuid name distribution regions { name } } } }";
    private const string SecretFilter = "zz-secret-filter-value";

    [Fact]
    public async Task One_request_is_one_trace_whose_Waldur_call_descends_from_the_operation_span()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var gateway = await GatewayHost.StartAsync(gatewaySettings: Settings(receiver));

        var (traceId, headers) = NewTrace();
        var answer = await gateway.QueryAsync(S1, new { first = 20 }, headers: headers);
        Assert.Null(answer["errors"]);

        var tree = new TraceTree(await receiver.TraceAsync(traceId, spans => spans.Any(IsServerSpan)));
        output.WriteLine(tree.Render());
        var operation = Assert.Single(tree.Spans, s => s.Name == "query S1");
        Assert.Equal("Waldur.GraphGateway", operation.Scope);
        Assert.Equal("S1", operation.Attribute("graphql.operation.name"));
        Assert.Equal(PersistedQueryStore.Hash(S1), operation.Attribute("graphql.document.hash"));
        Assert.True(tree.Descends(operation, Assert.Single(tree.Spans, IsServerSpan)), "the operation runs inside the HTTP server span");

        Assert.True(tree.Descends(Assert.Single(tree.Spans, s => s.Name == "graphql.parse"), operation), "a first-seen document is parsed under the operation");
        Assert.True(tree.Descends(Assert.Single(tree.Spans, s => s.Name == "graphql.validate"), operation), "and validated under it");
        var plan = Assert.Single(tree.Spans, s => s.Name == "plan DigitalOceanImage");
        Assert.Equal("window", plan.Attribute("waldur_gateway.planner.mode"));
        Assert.Equal("1", plan.Attribute("waldur_gateway.window.pages"));
        var call = Assert.Single(tree.Spans, s => s.Scope == "System.Net.Http");
        Assert.Equal("/api/digitalocean-images/", call.Attribute("url.template"));
        Assert.Equal("200", call.Attribute("http.response.status_code"));
        Assert.True(tree.Descends(call, plan) && tree.Descends(call, operation), "the Waldur call is a descendant of the planner and operation spans");
    }

    [Fact]
    public async Task Lookups_name_uuids_by_template_and_no_span_carries_the_token_or_a_variable_value()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var gateway = await GatewayHost.StartAsync(gatewaySettings: Settings(receiver));
        var (_, body) = await gateway.EmulatorGetAsync("/api/digitalocean-images/?page_size=2");
        var uuids = JsonNode.Parse(body)!.AsArray().Select(i => i!["uuid"]!.GetValue<string>()).ToList();

        var (lookupTrace, lookupHeaders) = NewTrace();
        var lookups = await gateway.QueryAsync("query Lookups($a: String!, $b: String!) { a: digitalOceanImageByUuid(uuid: $a) { name } b: digitalOceanImageByUuid(uuid: $b) { name } }",
            new { a = uuids[0], b = uuids[1] }, headers: lookupHeaders);
        Assert.Null(lookups["errors"]);
        var (filterTrace, filterHeaders) = NewTrace();
        var filtered = await gateway.QueryAsync("query Filtered($name: String) { digitalOceanImages(first: 5, where: { name: { contains: $name } }) { totalCount } }",
            new { name = SecretFilter }, headers: filterHeaders);
        Assert.Equal(0, filtered["data"]!["digitalOceanImages"]!["totalCount"]!.GetValue<int>());
        var (getTrace, getHeaders) = NewTrace();
        var variables = Uri.EscapeDataString($$"""{"name":"{{SecretFilter}}"}""");
        var query = Uri.EscapeDataString("query($name: String) { digitalOceanImages(where: { name: { eq: $name } }) { totalCount } }");
        getHeaders["Authorization"] = GatewayHost.Token;
        await gateway.GetTextAsync($"/graphql?query={query}&variables={variables}", getHeaders);

        var batch = new TraceTree(await receiver.TraceAsync(lookupTrace, spans => spans.Any(IsServerSpan)));
        output.WriteLine(batch.Render());
        var batchSpan = Assert.Single(batch.Spans, s => s.Name == "batch DigitalOceanImage");
        Assert.Equal("2", batchSpan.Attribute("waldur_gateway.dataloader.keys"));
        Assert.Equal("lookup_get_each", batchSpan.Attribute("waldur_gateway.planner.mode"));
        var gets = batch.Spans.Where(s => s.Scope == "System.Net.Http").ToList();
        Assert.Equal(2, gets.Count);
        Assert.All(gets, get =>
        {
            Assert.Equal("/api/digitalocean-images/{uuid}/", get.Attribute("url.template"));
            Assert.True(batch.Descends(get, batchSpan));
        });

        var filter = new TraceTree(await receiver.TraceAsync(filterTrace, spans => spans.Any(IsServerSpan)));
        Assert.Contains("name", Assert.Single(filter.Spans, s => s.Name == "plan DigitalOceanImage").Attribute("waldur_gateway.pushdown.parameters"));
        await receiver.TraceAsync(getTrace, spans => spans.Any(IsServerSpan));

        var everything = string.Join("\n", receiver.Bodies.Select(Encoding.UTF8.GetString));
        Assert.DoesNotContain(Waldur.GraphGateway.Hosting.EmbeddedEmulatorHosting.DemoToken, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretFilter, everything, StringComparison.Ordinal);
        // The emulator runs in this process, so its own server spans (which name the uuid it was asked for) are here too.
        var gatewaySpans = receiver.Spans.Where(s => s.Scope != "Microsoft.AspNetCore" || s.Attribute("url.path") == "/graphql");
        Assert.DoesNotContain(gatewaySpans, s => s.Name.Contains(uuids[0], StringComparison.OrdinalIgnoreCase)
            || s.Attributes.Values.Any(v => v.Contains(uuids[0], StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task A_retried_Waldur_call_says_which_attempt_it_was_and_the_operation_its_code()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var gateway = await GatewayHost.StartAsync(gatewaySettings: Settings(receiver));
        await gateway.SetFaultsAsync(new { errorRate = 1.0, errorStatus = 503 });

        var (traceId, headers) = NewTrace();
        var answer = await gateway.QueryAsync("query Regions { digitalOceanRegions(first: 1) { totalCount } }", headers: headers);
        Assert.Equal("UPSTREAM_UNAVAILABLE", answer["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());

        var tree = new TraceTree(await receiver.TraceAsync(traceId, spans => spans.Any(IsServerSpan)));
        output.WriteLine(tree.Render());
        Assert.Equal("UPSTREAM_UNAVAILABLE", Assert.Single(tree.Spans, s => s.Name == "query Regions").Attribute("graphql.error.codes"));
        var attempts = tree.Spans.Where(s => s.Scope == "System.Net.Http").Select(s => s.Attribute("http.request.resend_count") ?? "0").Order().ToList();
        Assert.True(attempts.Count >= 2, $"a 503 is retried: {attempts.Count} attempts");
        Assert.Equal(Enumerable.Range(0, attempts.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), attempts);
    }

    public static Dictionary<string, string?> Settings(OtlpReceiver receiver) => new()
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.AbsoluteUri.TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        // HttpClient's and ASP.NET Core's activity sources are process-wide: this gateway's exporter also queues the
        // spans of every test running beside it (thousands a second from the load tests), and a full queue (2,048 by
        // default) drops new spans, this test's among them.
        ["OTEL_BSP_MAX_QUEUE_SIZE"] = "100000",
        ["OTEL_SERVICE_NAME"] = "gateway-under-test",
    };

    /// <summary>A W3C traceparent of a fresh trace: the gateway continues it, so this test finds its own spans.</summary>
    private static (string TraceId, Dictionary<string, string> Headers) NewTrace()
    {
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        return (traceId, new Dictionary<string, string> { ["traceparent"] = $"00-{traceId}-{Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.NextInt64(1, long.MaxValue)))}-01" });
    }

    /// <summary>The gateway's own server span (the emulator runs in this process too, and traces its requests as well).</summary>
    private static bool IsServerSpan(ReceivedSpan span) => span.Scope == "Microsoft.AspNetCore" && span.Attribute("url.path") == "/graphql";
}
