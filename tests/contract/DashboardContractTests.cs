using System.Text.Json.Nodes;
using Waldur.GraphGateway.Http;
using Xunit;
using Xunit.Abstractions;

namespace Waldur.GraphGateway.ContractTests;

/// <summary>
/// The IDE's first document (the dashboard: projects → customer, marketplace resources → offering, orders) as every caller:
/// it answers without errors, and the same shape with uuids and counts added is what Waldur's REST lists and retrieves
/// say for that caller: the projects page, each customer, each project's resources (count and rows), each resource's
/// offering, each resource's orders (count and row).
/// </summary>
[Collection(ContractCollection.Name)]
public sealed class DashboardContractTests(ContractFixture fixture, ITestOutputHelper output)
{
    private const string Checked = """
        { projects(first: 10) { nodes { uuid name customer { uuid name }
            marketplaceResources(first: 5) { totalCount nodes { uuid name state offering { uuid name }
              marketplaceOrders(first: 1) { totalCount nodes { uuid state } } } } } } }
        """;

    public static TheoryData<string> Roles => new("staff", "owner", "member");

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task The_IDE_dashboard_matches_Waldurs_REST(string role)
    {
        var target = fixture.Target;
        var caller = target.Callers.FirstOrDefault(c => c.Role == role);
        if (caller is null)
        {
            output.WriteLine($"no {role} token for {target.Description} (WALDUR_{role.ToUpperInvariant()}_TOKEN): nothing to check");
            return;
        }

        var rest = fixture.Rest;
        var projectList = Oracle.List("projects");
        var resourcesConnection = projectList.ReverseConnections.Single(c => c.Name == "marketplaceResources");
        var resourceList = Oracle.Catalog[resourcesConnection.SourceType];
        var ordersConnection = resourceList.ReverseConnections.Single(c => c.Name == "marketplaceOrders");
        var orderList = Oracle.Catalog[ordersConnection.SourceType];
        var customerRef = ListContractTests.References(projectList).Single(r => r.Field.ReferenceField == "customer");
        var offeringRef = ListContractTests.References(resourceList).Single(r => r.Field.ReferenceField == "offering");
        var projectOf = Oracle.Field(resourceList, resourcesConnection.ViaField);
        var resourceOf = Oracle.Field(orderList, ordersConnection.ViaField);
        var name = Oracle.Field(projectList, "name");
        var failures = new List<string>();
        var label = $"dashboard as {role}";

        var demo = await fixture.Gateway.QueryAsync(IdePreset.DemoDocument, caller);
        if (Oracle.Errors(demo) is { Length: > 0 } demoErrors)
        {
            failures.Add($"{label}: the IDE's document answers errors {demoErrors}");
        }

        var answer = await fixture.Gateway.QueryAsync(Checked, caller);
        if (Oracle.Errors(answer) is { Length: > 0 } errors)
        {
            failures.Add($"{label}: errors {errors}");
        }

        var projects = await rest.AllAsync(projectList, caller);
        var resources = await rest.AllAsync(resourceList, caller);
        var orders = await rest.AllAsync(orderList, caller);
        foreach (var (list, read) in new[] { (projectList, projects), (resourceList, resources), (orderList, orders) })
        {
            if (!read.Ok)
            {
                failures.Add($"{label}: Waldur answers {read.Status} to /{list.Path}: {Oracle.Trim(read.Body)}");
            }
        }

        var nodes = answer["data"]?["projects"]?["nodes"] as JsonArray;
        if (nodes is null || !projects.Ok)
        {
            Report(label, failures.Append($"{label}: no projects to compare").ToList());
            return;
        }

        var demoNames = (demo["data"]?["projects"]?["nodes"] as JsonArray)?.Select(n => n?["name"]?.ToString()).ToList() ?? [];
        var names = nodes.Select(n => n?["name"]?.ToString()).ToList();
        if (!demoNames.SequenceEqual(names))
        {
            failures.Add($"{label}: the IDE's document lists projects [{string.Join(", ", demoNames)}], the checked one [{string.Join(", ", names)}]");
        }

        var firstPage = await rest.PageAsync(projectList, "page_size=10", caller);
        failures.AddRange(Oracle.CompareOrdered($"{label}: projects(first: 10)", nodes.Select(n => Oracle.Uuid(n) ?? "null").ToList(),
            firstPage.Rows, r => Oracle.WaldurValue(r, name), projects.ByUuid()));

        var resourcesByProject = resources.Rows.ToLookup(r => ListContractTests.TargetUuid(projectOf, Oracle.WaldurValue(r, projectOf)) ?? "");
        var ordersByResource = orders.Rows.ToLookup(r => ListContractTests.TargetUuid(resourceOf, Oracle.WaldurValue(r, resourceOf)) ?? "");
        var resourceCount = 0;
        foreach (var project in nodes)
        {
            var uuid = Oracle.Uuid(project) ?? "null";
            var at = $"{label}: project {uuid[..Math.Min(8, uuid.Length)]}";
            if (!projects.ByUuid().TryGetValue(uuid, out var row))
            {
                continue; // CompareOrdered reported it
            }

            failures.AddRange(await ReferenceAsync(at, project, "customer", customerRef.Target,
                ListContractTests.TargetUuid(customerRef.Field, Oracle.WaldurValue(row, customerRef.Field)), caller));

            var own = resourcesByProject[uuid].ToDictionary(r => Oracle.Uuid(r)!, StringComparer.Ordinal);
            var connection = project!["marketplaceResources"];
            if (connection is null)
            {
                failures.Add($"{at}: marketplaceResources is null, Waldur lists {own.Count}");
                continue;
            }

            if (connection["totalCount"]?.GetValue<int>() != own.Count)
            {
                failures.Add($"{at}: marketplaceResources totalCount {connection["totalCount"]}, Waldur lists {own.Count} with `{projectOf.JsonName}` = the project");
            }

            var rows = connection["nodes"]!.AsArray();
            if (rows.Count != Math.Min(5, own.Count))
            {
                failures.Add($"{at}: {rows.Count} marketplaceResources nodes, expected {Math.Min(5, own.Count)}");
            }

            foreach (var resource in rows)
            {
                resourceCount++;
                var resourceUuid = Oracle.Uuid(resource) ?? "null";
                var rat = $"{at} resource {resourceUuid[..Math.Min(8, resourceUuid.Length)]}";
                if (!own.TryGetValue(resourceUuid, out var resourceRow))
                {
                    failures.Add($"{rat}: not among the project's resources in Waldur");
                    continue;
                }

                foreach (var field in new[] { "name", "state" }.Select(f => Oracle.Field(resourceList, f)))
                {
                    if (!Oracle.Same(Oracle.GatewayValue(resource, field), Oracle.WaldurValue(resourceRow, field)))
                    {
                        failures.Add($"{rat}: {field.Name} {Oracle.Show(Oracle.GatewayValue(resource, field))}, Waldur {Oracle.Show(Oracle.WaldurValue(resourceRow, field))}");
                    }
                }

                failures.AddRange(await ReferenceAsync(rat, resource, "offering", offeringRef.Target,
                    ListContractTests.TargetUuid(offeringRef.Field, Oracle.WaldurValue(resourceRow, offeringRef.Field)), caller));
                var ownOrders = ordersByResource[resourceUuid].ToDictionary(r => Oracle.Uuid(r)!, StringComparer.Ordinal);
                var orderConnection = resource!["marketplaceOrders"];
                if (orderConnection?["totalCount"]?.GetValue<int>() != ownOrders.Count)
                {
                    failures.Add($"{rat}: marketplaceOrders totalCount {orderConnection?["totalCount"]?.ToJsonString() ?? "null"}, Waldur lists {ownOrders.Count} with `{resourceOf.JsonName}` = the resource");
                }

                foreach (var order in orderConnection?["nodes"]?.AsArray() ?? [])
                {
                    var state = Oracle.Field(orderList, "state");
                    if (!ownOrders.TryGetValue(Oracle.Uuid(order) ?? "", out var orderRow))
                    {
                        failures.Add($"{rat}: order {Oracle.Uuid(order)} is not among the resource's orders in Waldur");
                    }
                    else if (!Oracle.Same(Oracle.GatewayValue(order, state), Oracle.WaldurValue(orderRow, state)))
                    {
                        failures.Add($"{rat}: order state {Oracle.Show(Oracle.GatewayValue(order, state))}, Waldur {Oracle.Show(Oracle.WaldurValue(orderRow, state))}");
                    }
                }
            }
        }

        output.WriteLine($"{label}: {nodes.Count} projects, {resourceCount} resources compared");
        Report(label, failures);
    }

    private async Task<List<string>> ReferenceAsync(string at, JsonNode? node, string field, Waldur.Catalog.Model.ResourceDescriptor target, string? uuid, Caller caller)
    {
        var got = node?[field];
        if (uuid is null)
        {
            return got is null ? [] : [$"{at}: {field} is {got.ToJsonString()}, Waldur's row names none"];
        }

        var retrieve = await fixture.Rest.RetrieveAsync(target, uuid, caller);
        if (retrieve.Status != 200)
        {
            return got is null ? [] : [$"{at}: {field} is {got.ToJsonString()}, Waldur answers {retrieve.Status} to /{target.Path}{uuid}/ as this caller"];
        }

        var expectedName = retrieve.Rows is [var one, ..] ? one["name"]?.ToString() : null;
        if (Oracle.Uuid(got) != uuid || got?["name"]?.ToString() != expectedName)
        {
            return [$"{at}: {field} is {got?.ToJsonString() ?? "null"}, Waldur retrieves {uuid} named \"{expectedName}\""];
        }

        return [];
    }

    private void Report(string label, List<string> failures)
    {
        failures.ForEach(output.WriteLine);
        Assert.True(failures.Count == 0, $"{label} against {fixture.Target.Description}: {failures.Count} difference(s)\n" +
                                         string.Join("\n", failures.Take(25)) + (failures.Count > 25 ? $"\n… and {failures.Count - 25} more" : ""));
    }
}
