using System.Text.Json.Nodes;
using Waldur.GraphGateway.Tests.Snapshots;
using Waldur.GraphGateway.Types.Resources;
using Xunit;
using Xunit.Abstractions;

namespace Waldur.GraphGateway.Tests.EndToEnd;

/// <summary>
/// A dashboard over the core graph (projects → customer, resources → offering, orders) answered right, and with fewer
/// Waldur requests than a naive gateway (one per list, one per reference, one per child list): child lists of a level
/// are batched, at most one request per distinct parent.
/// </summary>
public class CoreDashboardTests(GatewayFixture fixture, ITestOutputHelper output) : IClassFixture<GatewayFixture>
{
    private const string Dashboard = """
        { projects(first: 10) { nodes { name customer { name }
            marketplaceResources(first: 5) { totalCount nodes { name state offering { name }
              marketplaceOrders(first: 1) { nodes { state } } } } } } }
        """;

    [Fact]
    public async Task The_dashboard_is_right_and_batched_below_the_naive_request_count()
    {
        var gateway = fixture.Gateway;
        var projects = await Rows(gateway, "projects");
        var customers = (await Rows(gateway, "customers")).ToDictionary(CoreLists.Uuid);
        var resources = await Rows(gateway, "marketplaceResources");
        var offerings = (await Rows(gateway, "marketplacePublicOfferings")).ToDictionary(CoreLists.Uuid);
        var orders = await Rows(gateway, "marketplaceOrders");
        string? Text(JsonObject row, string list, string field) => CoreLists.Value(row, CoreLists.Descriptor(list).Fields.Single(f => f.Name == field)) as string;

        // The oracle: projects by name then uuid; resources and orders (no default order known) by uuid.
        var expected = new JsonArray(projects.OrderBy(p => Text(p, "projects", "name"), StringComparer.Ordinal).ThenBy(CoreLists.Uuid, StringComparer.Ordinal)
            .Take(10).Select(p =>
            {
                var own = resources.Where(r => Text(r, "marketplaceResources", "projectUuid") == CoreLists.Uuid(p))
                    .OrderBy(CoreLists.Uuid, StringComparer.Ordinal).ToList();
                return (JsonNode)new JsonObject
                {
                    ["name"] = Text(p, "projects", "name"),
                    ["customer"] = new JsonObject { ["name"] = Text(customers[Text(p, "projects", "customerUuid")!], "customers", "name") },
                    ["marketplaceResources"] = new JsonObject
                    {
                        ["totalCount"] = own.Count,
                        ["nodes"] = new JsonArray(own.Take(5).Select(r => (JsonNode)new JsonObject
                        {
                            ["name"] = Text(r, "marketplaceResources", "name"),
                            ["state"] = EnumGraphTypes.ValueName(Text(r, "marketplaceResources", "state")!),
                            ["offering"] = offerings.TryGetValue(Text(r, "marketplaceResources", "offeringUuid")!, out var offering)
                                ? new JsonObject { ["name"] = Text(offering, "marketplacePublicOfferings", "name") }
                                : null,
                            ["marketplaceOrders"] = new JsonObject
                            {
                                ["nodes"] = new JsonArray(orders.Where(o => Text(o, "marketplaceOrders", "marketplaceResourceUuid") == CoreLists.Uuid(r))
                                    .OrderBy(CoreLists.Uuid, StringComparer.Ordinal).Take(1)
                                    .Select(o => (JsonNode)new JsonObject { ["state"] = EnumGraphTypes.ValueName(Text(o, "marketplaceOrders", "state")!) }).ToArray()),
                            },
                        }).ToArray()),
                    },
                };
            }).ToArray());

        await gateway.ClearJournalAsync();
        var result = await gateway.QueryAsync(Dashboard);
        var journal = await gateway.JournalAsync();

        Assert.Null(result["errors"]);
        var nodes = result["data"]!["projects"]!["nodes"]!.AsArray();
        Assert.True(JsonNode.DeepEquals(expected, nodes), $"expected {expected.ToJsonString()}\nactual {nodes.ToJsonString()}");

        // A naive gateway: the list, then per project its customer and its resources, per resource its offering and its orders.
        var resourceNodes = nodes.SelectMany(p => p!["marketplaceResources"]!["nodes"]!.AsArray()).ToList();
        var naive = 1 + nodes.Count * 2 + resourceNodes.Count * 2;
        var batched = journal.Count;
        output.WriteLine($"dashboard: {nodes.Count} projects, {resourceNodes.Count} resources; batched {batched} Waldur requests, naive {naive}");
        journal.ForEach(j => output.WriteLine($"  {j}"));
        Assert.True(batched < naive, $"batched {batched} should be below naive {naive}");
        Assert.InRange(journal.Count(j => j.Path == "/api/marketplace-resources/"), 1, nodes.Count);
        Assert.InRange(journal.Count(j => j.Path == "/api/marketplace-orders/"), 1, resourceNodes.Count);
        Assert.All(journal, j => Assert.Equal(200, j.Status));
        MarkdownSnapshot.Match(new GraphQLExchange(Dashboard, result)
        {
            Waldur = journal,
            WaldurOrder = WaldurOrder.Sorted,
            Note = $"Batched: {batched} Waldur requests. Naive (1 + one per reference + one per child list): {naive}.",
        });
    }

    [Fact]
    public async Task Every_customers_projects_are_one_projects_request()
    {
        const string query = "{ customers(first: 6) { nodes { uuid name projects(first: 3) { nodes { name } } } } }";
        var gateway = fixture.Gateway;
        var projects = await Rows(gateway, "projects");
        var customerUuid = CoreLists.Descriptor("projects").Fields.Single(f => f.Name == "customerUuid");
        var name = CoreLists.Descriptor("projects").Fields.Single(f => f.Name == "name");

        await gateway.ClearJournalAsync();
        var result = await gateway.QueryAsync(query);
        var journal = await gateway.JournalAsync();

        Assert.Null(result["errors"]);
        var customers = result["data"]!["customers"]!["nodes"]!.AsArray();
        Assert.Equal(6, customers.Count);
        foreach (var customer in customers)
        {
            var expected = projects.Where(p => CoreLists.Value(p, customerUuid) as string == customer!["uuid"]!.GetValue<string>())
                .OrderBy(p => CoreLists.Value(p, name) as string, StringComparer.Ordinal).ThenBy(CoreLists.Uuid, StringComparer.Ordinal)
                .Take(3).Select(p => CoreLists.Value(p, name) as string);
            Assert.Equal(expected, customer!["projects"]!["nodes"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        }

        var projectRequests = journal.Where(j => j.Path == "/api/projects/").ToList();
        var naive = 1 + customers.Count;
        output.WriteLine($"customers → projects: {journal.Count} Waldur requests ({projectRequests.Count} to /api/projects/), naive {naive}");
        journal.ForEach(j => output.WriteLine($"  {j}"));
        var request = Assert.Single(projectRequests);
        var filter = Uri.UnescapeDataString(request.Query).Split('&', '?').Single(p => p.StartsWith("customer=", StringComparison.Ordinal));
        Assert.Equal(customers.Select(c => c!["uuid"]!.GetValue<string>()).Order(StringComparer.Ordinal),
            filter["customer=".Length..].Split(',').Order(StringComparer.Ordinal));
        MarkdownSnapshot.Match(new GraphQLExchange(query, result)
        {
            Waldur = journal,
            WaldurOrder = WaldurOrder.Sorted,
            Note = $"{projectRequests.Count} projects request for {customers.Count} customers (`customer=` comma-separated). Naive: {naive} requests.",
        });
    }

    [Fact]
    public async Task Orders_of_many_resources_read_through_their_shared_customers_equal_each_resources_own()
    {
        const string query = """
            { marketplaceResources(first: 40) { nodes { uuid customerUuid
                all: marketplaceOrders(first: 2) { totalCount nodes { uuid } }
                done: marketplaceOrders(first: 1, where: { state: { eq: DONE } }) { totalCount nodes { uuid } } } } }
            """;
        var gateway = fixture.Gateway;
        var orders = await Rows(gateway, "marketplaceOrders");
        string? Text(JsonObject row, string field) => CoreLists.Value(row, CoreLists.Descriptor("marketplaceOrders").Fields.Single(f => f.Name == field)) as string;

        await gateway.ClearJournalAsync();
        var result = await gateway.QueryAsync(query);
        var journal = await gateway.JournalAsync();

        Assert.Null(result["errors"]);
        var resources = result["data"]!["marketplaceResources"]!["nodes"]!.AsArray();
        Assert.Equal(40, resources.Count);
        foreach (var resource in resources)
        {
            var own = orders.Where(o => Text(o, "marketplaceResourceUuid") == resource!["uuid"]!.GetValue<string>()).OrderBy(CoreLists.Uuid, StringComparer.Ordinal).ToList();
            var done = own.Where(o => Text(o, "state") == "done").ToList();
            Assert.Equal(own.Count, resource!["all"]!["totalCount"]!.GetValue<int>());
            Assert.Equal(own.Take(2).Select(CoreLists.Uuid), resource["all"]!["nodes"]!.AsArray().Select(n => n!["uuid"]!.GetValue<string>()));
            Assert.Equal(done.Count, resource["done"]!["totalCount"]!.GetValue<int>());
            Assert.Equal(done.Take(1).Select(CoreLists.Uuid), resource["done"]!["nodes"]!.AsArray().Select(n => n!["uuid"]!.GetValue<string>()));
        }

        // One orders request per customer shared by two or more of the resources, per `where`; a resource alone under
        // its customer reads its own.
        var perCustomer = resources.GroupBy(r => r!["customerUuid"]!.GetValue<string>()).Select(g => g.Count()).ToList();
        var expected = 2 * (perCustomer.Count(n => n > 1) + perCustomer.Where(n => n == 1).Sum());
        var orderRequests = journal.Where(j => j.Path == "/api/marketplace-orders/").ToList();
        journal.ForEach(j => output.WriteLine($"  {j}"));
        Assert.Equal(expected, orderRequests.Count);
        Assert.True(orderRequests.Count < 2 * resources.Count, $"{orderRequests.Count} orders requests for {resources.Count} resources");
    }

    private static async Task<List<JsonObject>> Rows(GatewayHost gateway, string list) =>
        await CoreLists.FetchAllAsync(gateway, CoreLists.Descriptor(list));
}
