using System.Text.Json.Nodes;
using Xunit;

namespace Waldur.GraphGateway.Tests.EndToEnd;

/// <summary>
/// The gateway against the emulator playing Waldur 7.0.7 (<c>Emulator:Drift=waldur-7</c>): what the real 7.0.7 serves
/// differently from the 8.0.5 document degrades per field, per list or per parameter, never per answer.
/// </summary>
public sealed class DriftTests : IAsyncLifetime
{
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayHost.StartAsync(["--Emulator:Drift=waldur-7"],
        new Dictionary<string, string?> { ["Catalog:Include"] = "*" });

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private static List<JsonNode> Errors(JsonNode result) => result["errors"]?.AsArray().Select(e => e!).ToList() ?? [];

    private static string Code(JsonNode error) => error["extensions"]!["code"]!.GetValue<string>();

    [Fact]
    public async Task A_Boolean_filter_7_0_7_refuses_as_not_a_uuid_is_answered_in_the_gateway_and_remembered()
    {
        const string Query = "{ marketplaceResources(first: 50, where: { offeringBillable: { eq: true } }) { totalCount nodes { offeringBillable } } }";
        // What Waldur's own rows say (every resource in one page, read straight from the emulator).
        var (_, total, body) = await _gateway.EmulatorListAsync("/api/marketplace-resources/?page_size=1000&field=offering_billable");
        var rows = JsonNode.Parse(body)!.AsArray();
        Assert.Equal(total, rows.Count);
        var billable = rows.Count(r => r!["offering_billable"]?.GetValue<bool>() == true);
        Assert.True(billable > 0 && billable < rows.Count, $"{billable} of {rows.Count}");

        var first = await _gateway.QueryAsync(Query);
        Assert.Empty(Errors(first));
        Assert.Equal(billable, first["data"]!["marketplaceResources"]!["totalCount"]!.GetValue<int>());
        Assert.All(first["data"]!["marketplaceResources"]!["nodes"]!.AsArray(), n => Assert.True(n!["offeringBillable"]!.GetValue<bool>()));

        // Remembered: the next request does not send it again.
        await _gateway.ClearJournalAsync();
        var again = await _gateway.QueryAsync(Query);
        Assert.Empty(Errors(again));
        Assert.DoesNotContain(await _gateway.JournalAsync(), j => j.Query.Contains("offering_billable=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_write_this_Waldur_has_no_URL_for_is_WALDUR_ENDPOINT_UNAVAILABLE_naming_its_version_and_sent_once()
    {
        await _gateway.ClearJournalAsync();
        var result = await _gateway.QueryAsync("mutation { reviewerProfilesPublish(input: {}) { result errors { __typename } } }");

        var error = Assert.Single(Errors(result));
        Assert.Equal("WALDUR_ENDPOINT_UNAVAILABLE", Code(error));
        Assert.Contains("Waldur 7.0.7", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("/api/reviewer-profiles/publish/", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(await _gateway.JournalAsync(), j => j.Method == "POST");

        // A DRF 404 (JSON: the object is not there) stays the user's NotFoundError.
        var missing = await _gateway.QueryAsync("mutation { keysDestroy(input: { id: \"0123456789abcdef0123456789abcdef\" }) { deletedId errors { __typename } } }");
        Assert.Empty(Errors(missing));
        Assert.Equal("NotFoundError", missing["data"]!["keysDestroy"]!["errors"]![0]!["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task Orders_without_url_answer_every_row_and_a_number_for_a_decimal_reads_losslessly()
    {
        // 7.0.7's orders have no `url` (nullable in the catalog since, U28): null, and no error.
        var plain = await _gateway.QueryAsync("{ marketplaceOrders(first: 5) { totalCount nodes { uuid url state } } }");
        Assert.Empty(Errors(plain));
        var nodes = plain["data"]!["marketplaceOrders"]!["nodes"]!.AsArray();
        Assert.Equal(5, nodes.Count);
        Assert.All(nodes, n => Assert.Null(n!["url"]));

        // 7.0.7 writes new_cost_estimate as a JSON number: read losslessly as the decimal text 8.x documents.
        var lookup = await _gateway.QueryAsync("query($uuid: String!) { marketplaceOrderByUuid(uuid: $uuid) { cost newCostEstimate } }",
            new { uuid = nodes[0]!["uuid"]!.GetValue<string>() });
        Assert.Empty(Errors(lookup));
        var order = lookup["data"]!["marketplaceOrderByUuid"]!;
        Assert.Equal(decimal.Parse(order["cost"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(order["newCostEstimate"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_value_of_another_JSON_type_is_a_field_error_at_its_path_and_only_when_selected()
    {
        // 7.0.7's droplets carry access_url as an array of IPs where 8.x documents a string.
        var plain = await _gateway.QueryAsync("{ digitalOceanDroplets(first: 50) { totalCount nodes { uuid name } } }");
        Assert.Empty(Errors(plain));

        var withUrl = await _gateway.QueryAsync("{ digitalOceanDroplets(first: 50) { totalCount nodes { uuid name accessUrl } } }");
        var rows = withUrl["data"]!["digitalOceanDroplets"]!["nodes"]!.AsArray();
        var errors = Errors(withUrl);
        // One error per row whose access_url is an array (a droplet without IPs has null there), each at its path.
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal("UPSTREAM_FIELD_INVALID", Code(e)));
        Assert.All(errors, e => Assert.Contains("`access_url` came as an array where Waldur documents a string", e["message"]!.GetValue<string>(), StringComparison.Ordinal));
        var paths = errors.Select(e => string.Join('/', e["path"]!.AsArray().Select(p => p!.ToString()))).ToList();
        Assert.All(paths, p => Assert.Matches(@"^digitalOceanDroplets/nodes/[0-9]+/accessUrl$", p));
        Assert.Equal(paths.Count, paths.Distinct(StringComparer.Ordinal).Count());
        Assert.All(rows, r => Assert.Null(r!["accessUrl"]));
        Assert.All(rows, r => Assert.Equal(32, r!["uuid"]!.GetValue<string>().Length));
        Assert.All(rows, r => Assert.NotNull(r!["name"]));
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

    [Theory]
    [InlineData("freeipaProfiles", "/api/freeipa-profiles/", "it answered 424: Extension is disabled. This field")]
    [InlineData("usersUserActiveStatusCount", "/api/users/user_active_status_count/", "routed as an object's detail")]
    public async Task A_disabled_extension_or_an_action_routed_as_a_detail_is_unavailable_too(string field, string path, string reason)
    {
        var result = await _gateway.QueryAsync($"{{ {field}(first: 3) {{ totalCount }} }}");
        var error = Assert.Single(Errors(result));
        Assert.Equal("WALDUR_ENDPOINT_UNAVAILABLE", Code(error));
        Assert.Contains(path, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(error["message"]!.GetValue<string>().Contains(reason, StringComparison.Ordinal), error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_400_without_a_body_says_Waldur_gave_no_reason_and_names_the_request()
    {
        // BaseQuotasViewSet.list: no quota_name, a bare 400 (U30); the count is a HEAD, whose 400 is asked again as a GET.
        var result = await _gateway.QueryAsync("{ customerQuotas(first: 3) { totalCount } }");
        var error = Assert.Single(Errors(result));
        Assert.Equal("UPSTREAM_BAD_REQUEST", Code(error));
        Assert.Contains("without saying why", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("/api/customer-quotas/", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
