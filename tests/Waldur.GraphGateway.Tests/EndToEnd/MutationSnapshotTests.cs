using System.Text.Json.Nodes;
using Waldur.Catalog.Generated;
using Waldur.GraphGateway.Tests.Snapshots;
using Xunit;
using static Waldur.GraphGateway.Tests.EndToEnd.WriteStory;

namespace Waldur.GraphGateway.Tests.EndToEnd;

/// <summary>
/// One Markdown snapshot per reviewed mutation (<c>__snapshots__/MutationSnapshotTests.*.md</c>): the refusals first
/// (an unknown object, a caller without the right, a state that forbids it, a value Waldur refuses, as each applies),
/// then the write that succeeds, then what a following query reads; every step with the Waldur requests it made and the
/// body it sent. Each story runs on a fresh emulator (seed 42) so it reads the same data whatever ran before; created
/// objects get the emulator's reproducible uuids.
/// </summary>
public sealed class MutationSnapshotTests
{
    private const string Member = "Token snapshot-member";

    private static readonly string[] EmulatorArgs =
    [
        "--Emulator:ProvisioningDelayMs=0",
        "--Emulator:Users:snapshot-member:Role=project-member", "--Emulator:Users:snapshot-member:Project=2",
    ];

    /// <summary>What a marketplace pick asks of an object's project, so that Waldur's own refusals (an archived
    /// organization, an expired project) do not stand in the way of the step.</summary>
    private const string Usable = "project { endDate customer { archived } }";

    private static bool IsUsable(JsonNode node) =>
        node["project"]!["customer"]!["archived"]?.GetValue<bool>() != true && node["project"]!["endDate"] is null;

    private static readonly Dictionary<string, Func<WriteStory, Task>> Stories = new(StringComparer.Ordinal)
    {
        ["createProject"] = CreateProjectAsync,
        ["updateProject"] = UpdateProjectAsync,
        ["deleteProject"] = DeleteProjectAsync,
        ["updateCustomer"] = UpdateCustomerAsync,
        ["createMarketplaceOrder"] = CreateMarketplaceOrderAsync,
        ["approveMarketplaceOrderByConsumer"] = s => OrderActionAsync(s, "approveMarketplaceOrderByConsumer", "PENDING_CONSUMER"),
        ["approveMarketplaceOrderByProvider"] = s => OrderActionAsync(s, "approveMarketplaceOrderByProvider", "PENDING_PROVIDER"),
        ["rejectMarketplaceOrderByConsumer"] = s => OrderActionAsync(s, "rejectMarketplaceOrderByConsumer", "PENDING_CONSUMER"),
        ["rejectMarketplaceOrderByProvider"] = s => OrderActionAsync(s, "rejectMarketplaceOrderByProvider", "PENDING_PROVIDER"),
        ["cancelMarketplaceOrder"] = s => OrderActionAsync(s, "cancelMarketplaceOrder", "PENDING_CONSUMER"),
        ["updateMarketplaceResource"] = UpdateMarketplaceResourceAsync,
        ["terminateMarketplaceResource"] = TerminateMarketplaceResourceAsync,
        ["switchMarketplaceResourcePlan"] = SwitchMarketplaceResourcePlanAsync,
        ["updateMarketplaceResourceLimits"] = UpdateMarketplaceResourceLimitsAsync,
        ["startOpenstackInstance"] = s => RuntimeActionAsync(s, "startOpenstackInstance", Instance, "SHUTOFF", "ACTIVE"),
        ["stopOpenstackInstance"] = s => RuntimeActionAsync(s, "stopOpenstackInstance", Instance, "ACTIVE", "SHUTOFF"),
        ["restartOpenstackInstance"] = s => RuntimeActionAsync(s, "restartOpenstackInstance", Instance, "ACTIVE", "SHUTOFF"),
        ["createDigitalOceanDroplet"] = CreateDigitalOceanDropletAsync,
        ["startDigitalOceanDroplet"] = s => RuntimeActionAsync(s, "startDigitalOceanDroplet", Droplet, "offline", "online"),
        ["stopDigitalOceanDroplet"] = s => RuntimeActionAsync(s, "stopDigitalOceanDroplet", Droplet, "online", "offline"),
        ["restartDigitalOceanDroplet"] = s => RuntimeActionAsync(s, "restartDigitalOceanDroplet", Droplet, "online", "offline"),
        ["resizeDigitalOceanDroplet"] = ResizeDigitalOceanDropletAsync,
        ["deleteDigitalOceanDroplet"] = DeleteDigitalOceanDropletAsync,
    };

    public static TheoryData<string> Mutations() => new(Stories.Keys);

    [Fact]
    public void Every_reviewed_mutation_has_a_story() =>
        Assert.Equal(WaldurWrites.Reviewed.Select(w => w.Name).Order(StringComparer.Ordinal), Stories.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Mutations))]
    public async Task A_mutation_its_refusals_and_the_read_after_it(string mutation)
    {
        await using var gateway = await GatewayHost.StartAsync(EmulatorArgs);
        var story = new WriteStory(gateway, mutation);
        await Stories[mutation](story);
        MarkdownSnapshot.MatchSteps(story.Steps, mutation);
    }

    /// <summary>An active customer of the member's project (the seed archives one customer; Waldur refuses writes there).</summary>
    private static async Task<(string Customer, string Project)> MembersProjectAsync(WriteStory s)
    {
        var data = await s.PickAsync("{ projects(first: 1) { nodes { id customer { id } } } }", authorization: Member);
        var project = data["projects"]!["nodes"]![0]!;
        return (project["customer"]!["id"]!.GetValue<string>(), project["id"]!.GetValue<string>());
    }

    private static async Task CreateProjectAsync(WriteStory s)
    {
        var (customer, _) = await MembersProjectAsync(s);
        const string Create = $$"""
            mutation($input: CreateProjectInput!) {
              createProject(input: $input) { project { name description customer { name } } {{ErrorSelection}} }
            }
            """;
        await s.WriteAsync("An unknown customer", Create, new { input = new { name = "Snapshot project", customer = UnknownUuid } }, "ValidationError");
        await s.WriteAsync("A blank name", Create, new { input = new { name = "", customer } }, "ValidationError");
        await s.WriteAsync("A project member may not create projects", Create, new { input = new { name = "Snapshot project", customer } },
            "PermissionDeniedError", Member);
        await s.WriteAsync("Created", Create, new { input = new { name = "Snapshot project", customer, description = "from a snapshot" } });
        await s.ReadAsync("The next read", """
            query($customer: ID!) { node(id: $customer) { ... on Customer { projects(where: { name: { eq: "Snapshot project" } }) { totalCount nodes { name description } } } } }
            """, new { customer });
    }

    private static async Task UpdateProjectAsync(WriteStory s)
    {
        var (_, project) = await MembersProjectAsync(s);
        const string Update = $$"""
            mutation($input: UpdateProjectInput!) {
              updateProject(input: $input) { project { name description } {{ErrorSelection}} }
            }
            """;
        await s.WriteAsync("An unknown project", Update, new { input = new { id = UnknownUuid, name = "Renamed" } }, "NotFoundError");
        await s.WriteAsync("A name over 500 characters", Update, new { input = new { id = project, name = new string('x', 501) } }, "ValidationError");
        await s.WriteAsync("A project member may not update it", Update, new { input = new { id = project, name = "Renamed" } }, "PermissionDeniedError", Member);
        await s.WriteAsync("Updated: only the fields given are sent", Update, new { input = new { id = project, name = "Renamed by a snapshot" } });
        await s.ReadAsync("The next read, as the member", "query($id: ID!) { node(id: $id) { ... on Project { name description } } }", new { id = project }, Member);
    }

    private static async Task DeleteProjectAsync(WriteStory s)
    {
        var (customer, withResources) = await MembersProjectAsync(s);
        var created = await s.PickAsync("mutation($customer: ID!) { createProject(input: { name: \"To delete\", customer: $customer }) { project { id } } }",
            new { customer });
        var empty = created["createProject"]!["project"]!["id"]!.GetValue<string>();
        const string Delete = $"mutation($input: DeleteProjectInput!) {{ deleteProject(input: $input) {{ deletedId {ErrorSelection} }} }}";
        await s.WriteAsync("An unknown project", Delete, new { input = new { id = UnknownUuid } }, "NotFoundError");
        await s.WriteAsync("A project member may not delete it", Delete, new { input = new { id = withResources } }, "PermissionDeniedError", Member);
        await s.WriteAsync("A project with active resources", Delete, new { input = new { id = withResources } }, "ValidationError");
        await s.WriteAsync("Deleted", Delete, new { input = new { id = empty } });
        await s.ReadAsync("The next read", "query($id: ID!) { node(id: $id) { id } }", new { id = empty });
    }

    private static async Task UpdateCustomerAsync(WriteStory s)
    {
        var (customer, _) = await MembersProjectAsync(s);
        const string Update = $$"""
            mutation($input: UpdateCustomerInput!) {
              updateCustomer(input: $input) { customer { name abbreviation email } {{ErrorSelection}} }
            }
            """;
        await s.WriteAsync("An unknown customer", Update, new { input = new { id = UnknownUuid, abbreviation = "SNAP" } }, "NotFoundError");
        await s.WriteAsync("An invalid email", Update, new { input = new { id = customer, email = "not an address" } }, "ValidationError");
        await s.WriteAsync("A project member may not update its customer", Update, new { input = new { id = customer, abbreviation = "SNAP" } },
            "PermissionDeniedError", Member);
        await s.WriteAsync("Updated", Update, new { input = new { id = customer, abbreviation = "SNAP" } });
        await s.ReadAsync("The next read", "query($id: ID!) { node(id: $id) { ... on Customer { name abbreviation } } }", new { id = customer });
    }

    private static async Task CreateMarketplaceOrderAsync(WriteStory s)
    {
        var (_, project) = await MembersProjectAsync(s);
        var offering = await s.PickIdAsync("{ marketplacePublicOfferings(first: 1, where: { state: { eq: ACTIVE }, shared: { eq: true } }) { nodes { id } } }",
            "marketplacePublicOfferings");
        const string Create = $$"""
            mutation($input: CreateMarketplaceOrderInput!) {
              createMarketplaceOrder(input: $input) { marketplaceOrder { id state type offeringName projectName } {{ErrorSelection}} }
            }
            """;
        await s.WriteAsync("An unknown offering", Create, new { input = new { offering = UnknownUuid, project } }, "ValidationError");
        var input = new { offering, project, attributes = "{\"name\": \"snapshot-vm\"}" };
        await s.WriteAsync("A project member may not order", Create, new { input }, "PermissionDeniedError", Member);
        var ordered = await s.WriteAsync("Ordered (staff: approved as the consumer at once)", Create, new { input });
        await s.ReadAsync("The next read (the emulator's backend has provisioned it)", """
            query($id: ID!) { node(id: $id) { ... on MarketplaceOrder { state resource { name state project { name } } } } }
            """, new { id = ordered["marketplaceOrder"]!["id"]!.GetValue<string>() });
    }

    /// <summary>An order action: unknown order, the member's order (refused), a done order (wrong state), one in <paramref name="state"/>.</summary>
    private static async Task OrderActionAsync(WriteStory s, string mutation, string state)
    {
        var action = $$"""
            mutation($input: {{InputType(mutation)}}!) {
              {{mutation}}(input: $input) { marketplaceOrder { state } {{ErrorSelection}} }
            }
            """;
        string Pick(string where) => $"{{ marketplaceOrders(first: 50, where: {{ {where} }}) {{ nodes {{ id offeringType {Usable} }} }} }}";
        // Waldur cancels only orders of offering types that support it (OrderViewSet.cancel).
        bool Ready(JsonNode order) => IsUsable(order) && (mutation != "cancelMarketplaceOrder" || Cancellable(order));
        var pending = await s.PickIdAsync(Pick($"state: {{ eq: {state} }}"), "marketplaceOrders", where: Ready);
        var done = await s.PickIdAsync(Pick("state: { eq: DONE }"), "marketplaceOrders", where: IsUsable);
        var members = await s.PickIdAsync("{ marketplaceOrders(first: 1) { nodes { id } } }", "marketplaceOrders", Member);
        await s.WriteAsync("An unknown order", action, new { input = new { id = UnknownUuid } }, "NotFoundError");
        await s.WriteAsync("A project member may not", action, new { input = new { id = members } }, "PermissionDeniedError", Member);
        await s.WriteAsync("A done order", action, new { input = new { id = done } }, "ConflictError");
        if (mutation == "cancelMarketplaceOrder")
        {
            var other = await s.PickIdAsync(Pick($"state: {{ eq: {state} }}"), "marketplaceOrders", where: o => IsUsable(o) && !Cancellable(o));
            await s.WriteAsync("An offering type that cannot cancel (Waldur's 405)", action, new { input = new { id = other } }, "ConflictError");
        }

        await s.WriteAsync("Succeeds", action, new { input = new { id = pending } });
        await s.ReadAsync("The next read", "query($id: ID!) { node(id: $id) { ... on MarketplaceOrder { state } } }", new { id = pending });
    }

    private static bool Cancellable(JsonNode order) => order["offeringType"]?.GetValue<string>() is "Marketplace.Basic" or "Marketplace.Support";

    private static async Task<(string Ok, string Terminated, string Members)> ResourcesAsync(WriteStory s)
    {
        static string Pick(string state) => $"{{ marketplaceResources(first: 50, where: {{ state: {{ eq: {state} }} }}) {{ nodes {{ id {Usable} }} }} }}";
        return (await s.PickIdAsync(Pick("OK"), "marketplaceResources", where: IsUsable),
            await s.PickIdAsync(Pick("TERMINATED"), "marketplaceResources", where: IsUsable),
            await s.PickIdAsync(Pick("OK"), "marketplaceResources", Member));
    }

    private static async Task UpdateMarketplaceResourceAsync(WriteStory s)
    {
        var (ok, _, members) = await ResourcesAsync(s);
        const string Update = $$"""
            mutation($input: UpdateMarketplaceResourceInput!) {
              updateMarketplaceResource(input: $input) { marketplaceResource { name description state } {{ErrorSelection}} }
            }
            """;
        await s.WriteAsync("An unknown resource", Update, new { input = new { id = UnknownUuid, name = "renamed" } }, "NotFoundError");
        await s.WriteAsync("A project member may not", Update, new { input = new { id = members, name = "renamed" } }, "PermissionDeniedError", Member);
        await s.WriteAsync("A name over 150 characters", Update, new { input = new { id = ok, name = new string('r', 151) } }, "ValidationError");
        await s.WriteAsync("Updated", Update, new { input = new { id = ok, name = "renamed-by-snapshot", description = "from a snapshot" } });
        await s.ReadAsync("The next read", "query($id: ID!) { node(id: $id) { ... on MarketplaceResource { name description } } }", new { id = ok });
    }

    private static async Task TerminateMarketplaceResourceAsync(WriteStory s)
    {
        var (ok, terminated, members) = await ResourcesAsync(s);
        const string Terminate = $$"""
            mutation($input: TerminateMarketplaceResourceInput!) {
              terminateMarketplaceResource(input: $input) { marketplaceResource { state } {{ErrorSelection}} }
            }
            """;
        await s.WriteAsync("An unknown resource", Terminate, new { input = new { id = UnknownUuid } }, "NotFoundError");
        await s.WriteAsync("A project member may not", Terminate, new { input = new { id = members } }, "PermissionDeniedError", Member);
        await s.WriteAsync("A terminated resource", Terminate, new { input = new { id = terminated } }, "ConflictError");
        await s.WriteAsync("Terminating", Terminate, new { input = new { id = ok } });
        await s.ReadAsync("The next read", """
            query($id: ID!) { node(id: $id) { ... on MarketplaceResource { state marketplaceOrders(where: { type: { eq: TERMINATE } }) { totalCount nodes { state } } } } }
            """, new { id = ok });
    }

    private static async Task SwitchMarketplaceResourcePlanAsync(WriteStory s)
    {
        var (_, terminated, members) = await ResourcesAsync(s);
        const string Switch = $$"""
            mutation($input: SwitchMarketplaceResourcePlanInput!) {
              switchMarketplaceResourcePlan(input: $input) { marketplaceResource { state planName } {{ErrorSelection}} }
            }
            """;
        // A resource whose offering has another active plan: the plan is given by its id, and the gateway sends the
        // public-plan URL Waldur's serializer wants, built from the resource's offering.
        var resources = await s.PickAsync($"{{ marketplaceResources(first: 50, where: {{ state: {{ eq: OK }} }}) {{ nodes {{ id planUuid offeringUuid {Usable} }} }} }}");
        var plans = (await s.PickAsync("{ marketplacePlans(first: 100, where: { archived: { eq: false } }) { nodes { id uuid offering } } }"))["marketplacePlans"]!["nodes"]!.AsArray();
        var usable = resources["marketplaceResources"]!["nodes"]!.AsArray().Where(r => IsUsable(r!)).Select(r => r!).ToList();
        var (target, offering, plan) = usable
            .Select(r => (r["id"]!.GetValue<string>(), r["offeringUuid"]!.GetValue<string>(), plans.FirstOrDefault(p =>
                p!["offering"]!.GetValue<string>().TrimEnd('/').EndsWith(r["offeringUuid"]!.GetValue<string>(), StringComparison.Ordinal)
                && p["uuid"]!.GetValue<string>() != r["planUuid"]?.GetValue<string>())?["id"]?.GetValue<string>()))
            .FirstOrDefault(c => c.Item3 is not null);
        Assert.True(plan is not null, "no resource's offering has another active plan");
        var foreign = usable.First(r => r["offeringUuid"]!.GetValue<string>() != offering)["id"]!.GetValue<string>();
        await s.WriteAsync("An unknown resource (read first, for its offering)", Switch, new { input = new { id = UnknownUuid, plan } }, "NotFoundError");
        await s.WriteAsync("A project member may not", Switch, new { input = new { id = members, plan } }, "PermissionDeniedError", Member);
        await s.WriteAsync("A terminated resource", Switch, new { input = new { id = terminated, plan } }, "ConflictError");
        await s.WriteAsync("A plan of another offering", Switch, new { input = new { id = foreign, plan } }, "ValidationError");
        await s.WriteAsync("An update order for the other plan", Switch, new { input = new { id = target, plan } });
        await s.ReadAsync("The next read", """
            query($id: ID!) { node(id: $id) { ... on MarketplaceResource { state planName marketplaceOrders(where: { type: { eq: UPDATE } }) { totalCount } } } }
            """, new { id = target });
    }

    private static async Task UpdateMarketplaceResourceLimitsAsync(WriteStory s)
    {
        var (ok, terminated, members) = await ResourcesAsync(s);
        const string Limits = $$"""
            mutation($input: UpdateMarketplaceResourceLimitsInput!) {
              updateMarketplaceResourceLimits(input: $input) { marketplaceResource { state limits } {{ErrorSelection}} }
            }
            """;
        var limits = "{\"cpu\": 4}";
        await s.WriteAsync("An unknown resource", Limits, new { input = new { id = UnknownUuid, limits } }, "NotFoundError");
        await s.WriteAsync("A project member may not", Limits, new { input = new { id = members, limits } }, "PermissionDeniedError", Member);
        await s.WriteAsync("A terminated resource", Limits, new { input = new { id = terminated, limits } }, "ConflictError");
        await s.WriteAsync("A negative limit", Limits, new { input = new { id = ok, limits = "{\"cpu\": -1}" } }, "ValidationError");
        await s.WriteAsync("An update order for the new limits", Limits, new { input = new { id = ok, limits, requestComment = "more cores" } });
        await s.ReadAsync("The next read", """
            query($id: ID!) { node(id: $id) { ... on MarketplaceResource { state limits marketplaceOrders(where: { type: { eq: UPDATE } }) { totalCount } } } }
            """, new { id = ok });
    }

    /// <summary>A compute resource's runtime action (<paramref name="target"/>): an unknown object, the member's (refused;
    /// only where the member sees such objects), one in the wrong runtime state, one in <paramref name="runtime"/>.</summary>
    private static async Task RuntimeActionAsync(WriteStory s, string mutation, RuntimeTarget target, string runtime, string otherRuntime)
    {
        var action = $$"""
            mutation($input: {{InputType(mutation)}}!) {
              {{mutation}}(input: $input) { {{target.PayloadField}} { state runtimeState } {{ErrorSelection}} }
            }
            """;
        string Pick(string state) => $"{{ {target.List}(first: 1, where: {{ state: {{ eq: OK }}, runtimeState: {{ eq: \"{state}\" }} }}) {{ nodes {{ id }} }} }}";
        var ready = await s.PickIdAsync(Pick(runtime), target.List);
        var wrong = await s.PickIdAsync(Pick(otherRuntime), target.List);
        await s.WriteAsync($"An unknown {target.Noun}", action, new { input = new { id = UnknownUuid } }, "NotFoundError");
        if (target.MemberSees)
        {
            var members = await s.PickIdAsync($"{{ {target.List}(first: 1) {{ nodes {{ id }} }} }}", target.List, Member);
            await s.WriteAsync("A project member may not", action, new { input = new { id = members } }, "PermissionDeniedError", Member);
        }

        await s.WriteAsync($"{target.Article} {target.Noun} that is {otherRuntime}", action, new { input = new { id = wrong } }, "ConflictError");
        await s.WriteAsync("Scheduled", action, new { input = new { id = ready } });
        await s.ReadAsync("The next read", $"query($id: ID!) {{ node(id: $id) {{ ... on {target.TypeName} {{ state runtimeState }} }} }}", new { id = ready });
    }

    /// <summary>What a runtime action acts on: its list, type, payload field, noun with its article, and whether the member
    /// sees any.</summary>
    private sealed record RuntimeTarget(string List, string TypeName, string PayloadField, string Article, string Noun, bool MemberSees);

    private static RuntimeTarget Instance => new("openstackInstances", "OpenstackInstance", "openstackInstance", "An", "instance", true);

    // The droplets' projects are not the core projects the member has a role in.
    private static RuntimeTarget Droplet => new("digitalOceanDroplets", "DigitalOceanDroplet", "digitalOceanDroplet", "A", "droplet", false);

    private static string InputType(string mutation) => char.ToUpperInvariant(mutation[0]) + mutation[1..] + "Input";

    private static async Task CreateDigitalOceanDropletAsync(WriteStory s)
    {
        var browsed = await s.PickAsync("""
            { digitalOceanImages(first: 1) { nodes { id } } digitalOceanRegions(first: 1) { nodes { id } }
              digitalOceanSizes(first: 1) { nodes { id } } digitalOceanDroplets(first: 1) { nodes { serviceSettingsUuid } } }
            """);
        var (_, project) = await MembersProjectAsync(s);
        string First(string list) => browsed[list]!["nodes"]![0]!["id"]!.GetValue<string>();
        var input = new
        {
            name = "snapshot-droplet", image = First("digitalOceanImages"), region = First("digitalOceanRegions"), size = First("digitalOceanSizes"),
            project, serviceSettings = browsed["digitalOceanDroplets"]!["nodes"]![0]!["serviceSettingsUuid"]!.GetValue<string>(),
        };
        const string Create = $$"""
            mutation($input: CreateDigitalOceanDropletInput!) {
              createDigitalOceanDroplet(input: $input) { digitalOceanDroplet { name state imageName regionName } {{ErrorSelection}} }
            }
            """;
        await s.WriteAsync("An unknown image", Create, new { input = input with { image = UnknownUuid } }, "ValidationError");
        await s.WriteAsync("A project member may not", Create, new { input }, "PermissionDeniedError", Member);
        await s.WriteAsync("Created", Create, new { input });
        await s.ReadAsync("The next read", """
            { digitalOceanDroplets(where: { name: { eq: "snapshot-droplet" } }) { totalCount nodes { name state runtimeState } } }
            """);
    }

    private static async Task ResizeDigitalOceanDropletAsync(WriteStory s)
    {
        var droplet = await s.PickIdAsync("{ digitalOceanDroplets(first: 1, where: { state: { eq: OK }, runtimeState: { eq: \"offline\" } }) { nodes { id } } }",
            "digitalOceanDroplets");
        var busy = await s.PickIdAsync("{ digitalOceanDroplets(first: 1, where: { state: { in: [CREATING, ERRED] } }) { nodes { id } } }",
            "digitalOceanDroplets");
        var size = await s.PickIdAsync("{ digitalOceanSizes(last: 1) { nodes { id } } }", "digitalOceanSizes");
        const string Resize = $$"""
            mutation($input: ResizeDigitalOceanDropletInput!) {
              resizeDigitalOceanDroplet(input: $input) { digitalOceanDroplet { state cores ram disk } {{ErrorSelection}} }
            }
            """;
        await s.WriteAsync("An unknown droplet", Resize, new { input = new { id = UnknownUuid, size, disk = false } }, "NotFoundError");
        await s.WriteAsync("An unknown size", Resize, new { input = new { id = droplet, size = UnknownUuid, disk = false } }, "ValidationError");
        await s.WriteAsync("A droplet that is not OK", Resize, new { input = new { id = busy, size, disk = false } }, "ConflictError");
        await s.WriteAsync("Resized", Resize, new { input = new { id = droplet, size, disk = true } });
        await s.ReadAsync("The next read", "query($id: ID!) { node(id: $id) { ... on DigitalOceanDroplet { state cores ram disk } } }", new { id = droplet });
    }

    private static async Task DeleteDigitalOceanDropletAsync(WriteStory s)
    {
        var droplet = await s.PickIdAsync("{ digitalOceanDroplets(first: 1, where: { state: { eq: OK } }) { nodes { id } } }", "digitalOceanDroplets");
        var busy = await s.PickIdAsync("{ digitalOceanDroplets(first: 1, where: { state: { eq: CREATING } }) { nodes { id } } }", "digitalOceanDroplets");
        const string Delete = $"mutation($input: DeleteDigitalOceanDropletInput!) {{ deleteDigitalOceanDroplet(input: $input) {{ deletedId {ErrorSelection} }} }}";
        await s.WriteAsync("An unknown droplet", Delete, new { input = new { id = UnknownUuid } }, "NotFoundError");
        await s.WriteAsync("A droplet being created", Delete, new { input = new { id = busy } }, "ConflictError");
        await s.WriteAsync("Deletion scheduled", Delete, new { input = new { id = droplet } });
        await s.ReadAsync("The next read", "query($id: ID!) { node(id: $id) { ... on DigitalOceanDroplet { state } } }", new { id = droplet });
    }
}
