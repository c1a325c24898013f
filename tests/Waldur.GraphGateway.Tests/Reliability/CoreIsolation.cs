using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Waldur.Catalog.Generated;
using Waldur.Emulator.Data;
using Waldur.GraphGateway.Tests.EndToEnd;
using Xunit;
using Xunit.Abstractions;

namespace Waldur.GraphGateway.Tests.Reliability;

/// <summary>
/// The isolation check of issue 8, for any way of sending queries (one gateway, or replicas behind a balancer and
/// a shared cache). Callers with different Waldur roles (staff, a customer owner, a project member, a user without
/// roles) sending thousands of interleaved requests over the core graph (root lists, by-uuid lookups, references, reverse
/// connections): every object in every answer is one its caller may see (<c>EmulatorDataset.IsVisibleTo</c>), every
/// list count is the caller's own, and a lookup answers exactly the requested rows the caller can see.
/// </summary>
internal static class CoreIsolation
{
    private const int Concurrency = 8;
    private static readonly TimeSpan TimeBound = TimeSpan.FromMinutes(3);

    private static readonly string[] Tokens = [Waldur.GraphGateway.Hosting.EmbeddedEmulatorHosting.DemoToken, "tok-owner", "tok-member", "tok-none"];

    public static readonly string[] EmulatorArgs =
    [
        "--Emulator:Users:tok-owner:Role=customer-owner", "--Emulator:Users:tok-owner:Customer=0",
        "--Emulator:Users:tok-member:Role=project-member", "--Emulator:Users:tok-member:Project=4",
        "--Emulator:Users:tok-none:Role=none",
    ];

    private static readonly string[] Shapes =
    [
        "{ customers(first: 10) { totalCount nodes { __typename uuid projects(first: 5) { totalCount nodes { __typename uuid } } } } }",
        """
        { projects(first: 6) { totalCount nodes { __typename uuid customer { __typename uuid }
            marketplaceResources(first: 3) { totalCount nodes { __typename uuid offering { __typename uuid } marketplaceOrders(first: 2) { nodes { __typename uuid } } } } } } }
        """,
        "{ marketplaceResources(first: 20) { totalCount nodes { __typename uuid project { __typename uuid } customer { __typename uuid } plan { __typename uuid } offering { __typename uuid } } } }",
        "{ marketplacePublicOfferings(first: 6) { totalCount nodes { __typename uuid marketplaceResources(first: 4) { nodes { __typename uuid } } } } }",
        "LOOKUPS",
        "LIST",
    ];

    /// <summary>Sends <paramref name="requests"/> interleaved queries as the four callers and asserts no leak.</summary>
    public static async Task RunAsync(EmulatorDataset dataset, Func<string, object?, string, Task<JsonNode>> send, ITestOutputHelper output, int requests)
    {
        var core = dataset.Core;
        var rowsByType = new Dictionary<string, Dictionary<string, object>>(StringComparer.Ordinal)
        {
            ["Customer"] = core.Customers.ToDictionary(r => r.Uuid, r => (object)r),
            ["Project"] = core.Projects.ToDictionary(r => r.Uuid, r => (object)r),
            ["User"] = core.Users.ToDictionary(r => r.Uuid, r => (object)r),
            ["MarketplaceResource"] = core.Resources.ToDictionary(r => r.Uuid, r => (object)r),
            ["MarketplaceOrder"] = core.Orders.ToDictionary(r => r.Uuid, r => (object)r),
            ["MarketplacePublicOffering"] = core.Offerings.ToDictionary(r => r.Uuid, r => (object)r),
            ["MarketplaceProviderOffering"] = core.Offerings.ToDictionary(r => r.Uuid, r => (object)r),
            ["MarketplaceCategory"] = core.Categories.ToDictionary(r => r.Uuid, r => (object)r),
            ["MarketplaceServiceProvider"] = core.ServiceProviders.ToDictionary(r => r.Uuid, r => (object)r),
            ["MarketplacePlan"] = core.Plans.ToDictionary(r => r.Uuid, r => (object)r),
            ["Invoice"] = core.Invoices.ToDictionary(r => r.Uuid, r => (object)r),
            ["Event"] = core.Events.ToDictionary(r => r.Uuid, r => (object)r),
            ["OpenstackTenant"] = core.Tenants.ToDictionary(r => r.Uuid, r => (object)r),
            ["OpenstackInstance"] = core.Instances.ToDictionary(r => r.Uuid, r => (object)r),
            ["OpenstackVolume"] = core.Volumes.ToDictionary(r => r.Uuid, r => (object)r),
        };
        string PathOf(string type) => "/" + WaldurCatalog.Reviewed[type].Path;
        bool Visible(string token, string type, string uuid) =>
            rowsByType[type].TryGetValue(uuid, out var row) && dataset.IsVisibleTo(token, PathOf(type), row);
        int VisibleCount(string token, string type) => rowsByType[type].Values.Count(r => dataset.IsVisibleTo(token, PathOf(type), r));

        foreach (var token in Tokens)
        {
            output.WriteLine($"{token}: sees {string.Join(", ", CoreLists.Fields.Select(l => $"{l} {VisibleCount(token, WaldurCatalog.Reviewed.Resources.Single(r => r.ListField == l).TypeName)}"))}");
        }

        var lookupTypes = new[] { "Customer", "Project", "MarketplaceResource", "OpenstackInstance", "MarketplaceOrder" };
        var random = new Random(11);
        var work = Enumerable.Range(0, requests).Select(_ => (Token: Tokens[random.Next(Tokens.Length)], Shape: random.Next(Shapes.Length), Pick: random.Next())).ToList();
        var leaks = new ConcurrentQueue<string>();
        var errors = new ConcurrentDictionary<string, int>();
        var checkedObjects = 0;
        var done = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < work.Count && clock.Elapsed < TimeBound)
            {
                var (token, shape, pick) = work[i];
                var auth = $"Token {token}";
                JsonNode answer;
                string? listField = null;
                (string Type, List<string> Uuids)? lookup = null;
                if (Shapes[shape] == "LOOKUPS")
                {
                    var type = lookupTypes[pick % lookupTypes.Length];
                    var all = rowsByType[type].Keys.Order(StringComparer.Ordinal).ToList();
                    var sample = Enumerable.Range(0, 8).Select(k => all[(pick / 7 + k * 31) % all.Count]).Distinct().ToList();
                    var field = WaldurCatalog.Reviewed[type].ByUuidsField!;
                    lookup = (type, sample);
                    answer = await send($"query($u: [String!]!) {{ {field}(uuids: $u) {{ __typename uuid }} }}", new { u = sample }, auth);
                }
                else if (Shapes[shape] == "LIST")
                {
                    listField = CoreLists.Fields[pick % CoreLists.Fields.Count];
                    answer = await send($"{{ {listField}(first: 20) {{ totalCount nodes {{ __typename uuid }} }} }}", null, auth);
                }
                else
                {
                    answer = await send(Shapes[shape], null, auth);
                }

                Interlocked.Increment(ref done);
                foreach (var code in (answer["errors"]?.AsArray() ?? []).Select(e => e?["extensions"]?["code"]?.GetValue<string>() ?? e?["message"]?.GetValue<string>() ?? "?"))
                {
                    errors.AddOrUpdate(code, 1, (_, n) => n + 1);
                }

                foreach (var (type, uuid) in Objects(answer["data"]))
                {
                    Interlocked.Increment(ref checkedObjects);
                    if (!Visible(token, type, uuid))
                    {
                        leaks.Enqueue($"{token} (shape {shape}) was shown {type} {uuid}");
                    }
                }

                if (listField is not null && listField != "events" && answer["data"]?[listField]?["totalCount"]?.GetValue<int>() is { } total)
                {
                    var type = WaldurCatalog.Reviewed.Resources.Single(r => r.ListField == listField).TypeName;
                    Interlocked.Increment(ref checkedObjects);
                    if (total != VisibleCount(token, type))
                    {
                        leaks.Enqueue($"{token} got {listField} totalCount {total}, its own is {VisibleCount(token, type)}");
                    }
                }

                if (lookup is { } l)
                {
                    var got = Objects(answer["data"]).Select(o => o.Uuid).ToHashSet(StringComparer.Ordinal);
                    foreach (var uuid in l.Uuids.Where(u => Visible(token, l.Type, u) != got.Contains(u)))
                    {
                        leaks.Enqueue($"{token} lookup of {l.Type} {uuid}: visible {Visible(token, l.Type, uuid)}, answered {got.Contains(uuid)}");
                    }
                }
            }
        }));

        output.WriteLine($"{done} requests from {Tokens.Length} callers, {Concurrency} at a time, in {clock.Elapsed.TotalSeconds:F1} s: {checkedObjects} objects and counts checked, {leaks.Count} leaks");
        output.WriteLine($"errors: {(errors.IsEmpty ? "none" : string.Join(", ", errors.Select(e => $"{e.Key}×{e.Value}")))}");
        leaks.Take(20).ToList().ForEach(output.WriteLine);
        Assert.Empty(leaks);
        Assert.True(errors.IsEmpty, "every request answered cleanly");
        Assert.True(done >= requests / 2, $"only {done} requests within {TimeBound}");
        Assert.True(checkedObjects > done * 3, $"{checkedObjects} checks is too few to mean anything");
    }

    /// <summary>Every object in the answer that names its type and uuid.</summary>
    private static IEnumerable<(string Type, string Uuid)> Objects(JsonNode? node) => node switch
    {
        JsonObject o when o["__typename"] is JsonValue t && o["uuid"] is JsonValue u
            => o.Where(p => p.Key is not "__typename" and not "uuid").SelectMany(p => Objects(p.Value)).Prepend((t.GetValue<string>(), u.GetValue<string>())),
        JsonObject o => o.SelectMany(p => Objects(p.Value)),
        JsonArray a => a.SelectMany(Objects),
        _ => [],
    };
}
