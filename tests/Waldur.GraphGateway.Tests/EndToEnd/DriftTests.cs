using System.Text.Json.Nodes;
using Xunit;

namespace Waldur.GraphGateway.Tests.EndToEnd;

/// <summary>
/// The gateway against the emulator playing Waldur 7.0.7 (<c>Emulator:Drift=waldur-7</c>): what the real 7.0.7 serves
/// differently from the 8.0.5 document degrades per field, per list or per parameter, never per answer.
/// </summary>
public sealed class DriftTests : IAsyncLifetime
{
    private GatewayUnderTest _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayUnderTest.StartAsync(["--Emulator:Drift=waldur-7"],
        new Dictionary<string, string?> { ["Catalog:Include"] = "*" });

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private static List<JsonNode> Errors(JsonNode result) => result["errors"]?.AsArray().Select(e => e!).ToList() ?? [];

    private static string Code(JsonNode error) => error["extensions"]!["code"]!.GetValue<string>();

    [Fact]
    public async Task Orders_without_url_answer_every_row_and_only_a_selected_url_is_a_field_error_at_its_path()
    {
        var plain = await _gateway.QueryAsync("{ marketplaceOrders(first: 5) { totalCount nodes { uuid state } } }");
        Assert.Empty(Errors(plain));
        var nodes = plain["data"]!["marketplaceOrders"]!["nodes"]!.AsArray();
        Assert.Equal(5, nodes.Count);

        // 7.0.7 writes new_cost_estimate as a JSON number: read losslessly as the decimal text 8.x documents.
        var lookup = await _gateway.QueryAsync("query($uuid: String!) { marketplaceOrderByUuid(uuid: $uuid) { cost newCostEstimate } }",
            new { uuid = nodes[0]!["uuid"]!.GetValue<string>() });
        Assert.Empty(Errors(lookup));
        var order = lookup["data"]!["marketplaceOrderByUuid"]!;
        Assert.Equal(decimal.Parse(order["cost"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(order["newCostEstimate"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));

        var withUrl = await _gateway.QueryAsync("{ marketplaceOrders(first: 3) { totalCount nodes { uuid url state } } }");
        var errors = Errors(withUrl);
        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.Equal("UPSTREAM_FIELD_INVALID", Code(e)));
        Assert.All(errors, e => Assert.Contains("`url` is absent or null", e["message"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal(["marketplaceOrders/nodes/0/url", "marketplaceOrders/nodes/1/url", "marketplaceOrders/nodes/2/url"],
            errors.Select(e => string.Join('/', e["path"]!.AsArray().Select(p => p!.ToString()))).Order(StringComparer.Ordinal).ToList());
        var rows = withUrl["data"]!["marketplaceOrders"]!["nodes"]!.AsArray();
        Assert.All(rows, r => Assert.Null(r!["url"]));
        Assert.All(rows, r => Assert.Equal(32, r!["uuid"]!.GetValue<string>().Length));
        Assert.All(rows, r => Assert.NotNull(r!["state"]));
    }

    [Fact]
    public async Task A_list_this_Waldur_lacks_is_WALDUR_ENDPOINT_UNAVAILABLE_naming_path_and_version_and_is_not_called_again()
    {
        var first = await _gateway.QueryAsync("{ __typename chatMessages(first: 3) { totalCount } }");
        var error = Assert.Single(Errors(first));
        Assert.Equal("WALDUR_ENDPOINT_UNAVAILABLE", Code(error));
        Assert.Contains("/api/chat-messages/", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Waldur 7.0.7", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Query", first["data"]!["__typename"]!.GetValue<string>());

        await _gateway.ClearJournalAsync();
        var again = await _gateway.QueryAsync("{ chatMessages(first: 3) { nodes { uuid } } }");
        Assert.Equal("WALDUR_ENDPOINT_UNAVAILABLE", Code(Assert.Single(Errors(again))));
        Assert.DoesNotContain(await _gateway.JournalAsync(), j => j.Path.StartsWith("/api/chat-messages", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unpaginated_list_is_read_whole_and_paged_in_the_gateway_with_cursors()
    {
        var direct = await _gateway.EmulatorListAsync("/api/customers/countries/");
        Assert.Null(direct.Count);
        var all = JsonNode.Parse(direct.Body)!.AsArray().Select(c => c!["value"]!.GetValue<string>()).ToList();
        Assert.True(all.Count > 4, "the emulator serves enough countries to page");

        var first = await _gateway.QueryAsync("{ customersCountries(first: 3) { totalCount pageInfo { hasNextPage endCursor } nodes { value } } }");
        Assert.Empty(Errors(first));
        var connection = first["data"]!["customersCountries"]!;
        Assert.Equal(all.Count, connection["totalCount"]!.GetValue<int>());
        Assert.Equal(all.Take(3), connection["nodes"]!.AsArray().Select(n => n!["value"]!.GetValue<string>()));
        var cursor = connection["pageInfo"]!["endCursor"]!.GetValue<string>();

        var next = await _gateway.QueryAsync("query($after: String) { customersCountries(first: 3, after: $after) { nodes { value } } }", new { after = cursor });
        Assert.Empty(Errors(next));
        Assert.Equal(all.Skip(3).Take(3), next["data"]!["customersCountries"]!["nodes"]!.AsArray().Select(n => n!["value"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_filter_this_Waldur_ignores_is_caught_on_the_rows_and_answered_from_the_gateway_exactly()
    {
        var projects = JsonNode.Parse((await _gateway.EmulatorListAsync("/api/projects/?page_size=300")).Body)!.AsArray();
        var slug = projects[1]!["slug"]!.GetValue<string>();
        Assert.True(projects.Count > 1);

        var result = await _gateway.QueryAsync("query($slug: String) { projects(where: { slug: { eq: $slug } }) { totalCount nodes { slug } } }", new { slug });
        Assert.Empty(Errors(result));
        Assert.Equal(1, result["data"]!["projects"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(slug, result["data"]!["projects"]!["nodes"]![0]!["slug"]!.GetValue<string>());

        // Remembered: the next request does not send ?slug= at all.
        await _gateway.ClearJournalAsync();
        var again = await _gateway.QueryAsync("query($slug: String) { projects(where: { slug: { eq: $slug } }) { totalCount } }", new { slug });
        Assert.Equal(1, again["data"]!["projects"]!["totalCount"]!.GetValue<int>());
        Assert.DoesNotContain(await _gateway.JournalAsync(), j => j.Query.Contains("slug=", StringComparison.Ordinal));
    }
}
