using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;
using Xunit.Abstractions;

namespace Waldur.GraphGateway.Tests.Reliability;

/// <summary>
/// Several callers whose Waldur shows each a different subset of images (the emulator's per-token mode), thousands of
/// interleaved concurrent requests through every cache the gateway has (list pages, shared scans, by-uuid DataLoaders,
/// node lookups, region.images, persisted queries, the parsed-document cache): no answer holds an image its caller
/// cannot see, and every count is the caller's own.
/// </summary>
public class IsolationTests(ITestOutputHelper output)
{
    private static readonly string[] Tokens = ["alice-key", "bob-key", "carol-key", "dave-key"];
    private const int Requests = 2400;
    private const int Concurrency = 16;

    private static readonly string[] Shapes =
    [
        // A list page (pushdown) with its count.
        "{ digitalOceanImages(first: 50) { totalCount nodes { imageUuid: uuid } } }",
        // A residual filter: a scan shared by every field of the request.
        "{ digitalOceanImages(first: 40, where: { minDiskSize: { gt: 0 } }) { totalCount nodes { imageUuid: uuid } } a: digitalOceanImages(first: 5, where: { minDiskSize: { gt: 0 } }, order: [{ name: DESC }]) { nodes { imageUuid: uuid } } }",
        // region.images: one scan behind many fields, keyed by the request.
        "{ digitalOceanRegions(first: 6) { nodes { images(first: 8) { totalCount nodes { imageUuid: uuid } } } } }",
        // By-uuid DataLoaders and node: asked for everyone's images, must answer only the caller's.
        "BYUUIDS",
        "NODES",
    ];

    [Fact]
    public async Task No_answer_carries_another_callers_data()
    {
        await using var host = await GatewayHost.StartWithFaultsAsync(FaultTimeouts.Production,
            ["--Emulator:PerTokenData=true", $"--Emulator:Tokens={string.Join(",", Tokens)}"], Microsoft.Extensions.Logging.LogLevel.Warning);
        var dataset = host.Dataset;
        var visible = Tokens.ToDictionary(t => t, t => dataset.Images.Where(i => dataset.IsVisibleTo(i, t)).Select(i => i.Uuid).ToHashSet());
        var withDisk = Tokens.ToDictionary(t => t, t => dataset.Images.Count(i => visible[t].Contains(i.Uuid) && i.MinDiskSize > 0));
        foreach (var t in Tokens)
        {
            output.WriteLine($"{t} sees {visible[t].Count} of {dataset.Images.Count} images ({withDisk[t]} with a known disk size)");
        }

        Assert.True(Tokens.Select(t => visible[t]).Distinct(HashSet<string>.CreateSetComparer()).Count() == Tokens.Length, "every caller sees a different set");

        var random = new Random(7);
        var work = Enumerable.Range(0, Requests).Select(_ => (Token: Tokens[random.Next(Tokens.Length)], Shape: random.Next(Shapes.Length + 1), Pick: random.Next())).ToList();
        var leaks = new ConcurrentQueue<string>();
        var checkedItems = 0;
        var errors = new ConcurrentDictionary<string, int>();
        int next = -1;

        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < work.Count)
            {
                var (token, shape, pick) = work[i];
                var (answer, requested) = await AskAsync(host, token, shape, pick, dataset);
                foreach (var code in answer.Codes)
                {
                    errors.AddOrUpdate(code, 1, (_, n) => n + 1);
                }

                Interlocked.Add(ref checkedItems, Check(answer, token, shape, requested, visible, withDisk, leaks));
            }
        }));

        output.WriteLine($"{Requests} requests from {Tokens.Length} callers, {Concurrency} at a time: {checkedItems} images and counts checked, {leaks.Count} leaks");
        output.WriteLine($"errors: {(errors.IsEmpty ? "none" : string.Join(", ", errors.Select(e => $"{e.Key}×{e.Value}")))}");
        leaks.Take(10).ToList().ForEach(output.WriteLine);
        Assert.Empty(leaks);
        Assert.True(errors.IsEmpty, "every request answered cleanly");
        Assert.True(checkedItems > Requests * 5, $"{checkedItems} checks is too few to mean anything");
    }

    private static async Task<(GatewayAnswer Answer, List<string> Requested)> AskAsync(GatewayHost host, string token, int shape, int pick, Waldur.Emulator.Data.EmulatorDataset dataset)
    {
        var auth = $"Token {token}";
        var sample = Enumerable.Range(0, 12).Select(k => dataset.Images[(pick + k * 7919) % dataset.Images.Count].Uuid).Distinct().ToList();
        switch (shape)
        {
            case 3:
                return (await host.PostQueryAsync("query($u: [String!]!) { digitalOceanImagesByUuids(uuids: $u) { imageUuid: uuid } }", new { u = sample }, auth), sample);
            case 4:
                var ids = sample.Select(u => Convert.ToBase64String(Encoding.UTF8.GetBytes($"DigitalOceanImage:{u}"))).ToList();
                return (await host.PostQueryAsync("query($i: [ID!]!) { nodes(ids: $i) { ... on DigitalOceanImage { imageUuid: uuid } } }", new { i = ids }, auth), sample);
            case 5:
                // A persisted query: every caller shares the hash and the stored text, never the result.
                const string query = "{ digitalOceanImages(first: 30, order: [{ distribution: ASC }]) { totalCount nodes { imageUuid: uuid } } }";
                var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));
                var extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } };
                var body = JsonSerializer.Serialize(pick % 2 == 0 ? (object)new { query, extensions } : new { extensions });
                var answer = await host.SendAsync(HttpMethod.Post, "/graphql", body, "application/json", auth);
                if (answer.Codes.Contains("PERSISTED_QUERY_NOT_FOUND"))
                {
                    answer = await host.SendAsync(HttpMethod.Post, "/graphql", JsonSerializer.Serialize(new { query, extensions }), "application/json", auth);
                }

                return (answer, []);
            default:
                return (await host.PostQueryAsync(Shapes[shape], authorization: auth), []);
        }
    }

    private static int Check(GatewayAnswer answer, string token, int shape, List<string> requested, Dictionary<string, HashSet<string>> visible,
        Dictionary<string, int> withDisk, ConcurrentQueue<string> leaks)
    {
        int checks = 0;
        foreach (var uuid in ImageUuids(answer.Json))
        {
            checks++;
            if (!visible[token].Contains(uuid))
            {
                leaks.Enqueue($"{token} (shape {shape}) was shown image {uuid}, which only others can see");
            }
        }

        // Counts: a count cached for another caller would differ from this caller's own.
        if (shape is 0 or 5 && answer.Data?["digitalOceanImages"]?["totalCount"]?.GetValue<int>() is { } total)
        {
            checks++;
            if (total != visible[token].Count)
            {
                leaks.Enqueue($"{token} (shape {shape}) got totalCount {total}, its own is {visible[token].Count}");
            }
        }

        if (shape == 1 && answer.Data?["digitalOceanImages"]?["totalCount"]?.GetValue<int>() is { } scanned)
        {
            checks++;
            if (scanned != withDisk[token])
            {
                leaks.Enqueue($"{token} (shape 1) got a scan count of {scanned}, its own is {withDisk[token]}");
            }
        }

        // Lookups: every requested image the caller can see comes back, and only those.
        if (shape is 3 or 4)
        {
            var got = ImageUuids(answer.Json).ToHashSet();
            foreach (var uuid in requested)
            {
                checks++;
                if (visible[token].Contains(uuid) != got.Contains(uuid))
                {
                    leaks.Enqueue($"{token} (shape {shape}) lookup of {uuid}: visible {visible[token].Contains(uuid)}, answered {got.Contains(uuid)}");
                }
            }
        }

        return checks;
    }

    private static IEnumerable<string> ImageUuids(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "imageUuid" && p.Value is JsonValue v ? [v.ToString()] : ImageUuids(p.Value)),
        JsonArray a => a.SelectMany(ImageUuids),
        _ => [],
    };
}
