using System.Text.Json.Nodes;
using Xunit;

namespace Waldur.GraphGateway.Tests.EndToEnd;

/// <summary>
/// What a generated (unreviewed) list costs and answers, on a <c>Catalog:Include=*</c> gateway over the emulator: a page
/// in Waldur's order is one request of that size, a filter Waldur does not apply reads the whole list and keeps Waldur's
/// order, a list Waldur does not page is one request without paging, a nested list reads its parent's path.
/// </summary>
public sealed class GeneratedListTests : IAsyncLifetime
{
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync() =>
        _gateway = await GatewayHost.StartAsync(gatewaySettings: new Dictionary<string, string?> { ["Catalog:Include"] = "*" });

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task A_page_in_Waldurs_order_is_one_request_of_that_size()
    {
        var (_, total, body) = await _gateway.EmulatorListAsync("/api/marketplace-offering-users/?page=2&page_size=4");
        var expected = Uuids(JsonNode.Parse(body)!.AsArray());
        var first = await QueryAsync("{ marketplaceOfferingUsers(first: 4) { pageInfo { endCursor } } }");
        var cursor = first["data"]!["marketplaceOfferingUsers"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        await _gateway.ClearJournalAsync();
        var result = await QueryAsync($"{{ marketplaceOfferingUsers(first: 4, after: \"{cursor}\") {{ totalCount nodes {{ uuid }} }} }}");
        var journal = await _gateway.JournalAsync();

        var connection = result["data"]!["marketplaceOfferingUsers"]!;
        Assert.Equal(total, connection["totalCount"]!.GetValue<int>());
        Assert.Equal(expected, Uuids(connection["nodes"]!.AsArray()));
        var request = Assert.Single(journal);
        Assert.Equal("/api/marketplace-offering-users/", request.Path);
        Assert.Contains("page=2&page_size=4", request.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filter_Waldur_does_not_apply_reads_the_whole_list_and_keeps_Waldurs_order()
    {
        var (_, total, body) = await _gateway.EmulatorListAsync("/api/marketplace-offering-users/?page=1&page_size=300");
        var all = JsonNode.Parse(body)!.AsArray();
        Assert.Equal(total, all.Count);
        var expected = all.Where(r => r!["username"]?.GetValue<string>().Contains('a', StringComparison.OrdinalIgnoreCase) == true).ToList();
        Assert.InRange(expected.Count, 3, all.Count - 1);

        await _gateway.ClearJournalAsync();
        var result = await QueryAsync("""{ marketplaceOfferingUsers(first: 50, where: { username: { contains: "a" } }) { totalCount nodes { uuid } } }""");
        var journal = await _gateway.JournalAsync();

        var connection = result["data"]!["marketplaceOfferingUsers"]!;
        Assert.Equal(expected.Count, connection["totalCount"]!.GetValue<int>());
        Assert.Equal(Uuids(expected), Uuids(connection["nodes"]!.AsArray()));
        Assert.Equal(["/api/marketplace-offering-users/"], journal.Select(j => j.Path).Distinct());
        Assert.All(journal, j => Assert.Contains("page_size=300", j.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_list_Waldur_does_not_page_is_one_request_without_paging_and_paged_here()
    {
        var (_, count, body) = await _gateway.EmulatorListAsync("/api/marketplace-plugins/");
        Assert.Null(count);
        var all = JsonNode.Parse(body)!.AsArray();
        Assert.True(all.Count > 2, $"{all.Count} plugins");

        await _gateway.ClearJournalAsync();
        var result = await QueryAsync("{ marketplacePlugins(first: 2) { totalCount pageInfo { hasNextPage } nodes { offeringType } } }");
        var journal = await _gateway.JournalAsync();

        var connection = result["data"]!["marketplacePlugins"]!;
        Assert.Equal(all.Count, connection["totalCount"]!.GetValue<int>());
        Assert.True(connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(all.Take(2).Select(r => r!["offering_type"]!.GetValue<string>()),
            connection["nodes"]!.AsArray().Select(n => n!["offeringType"]!.GetValue<string>()));
        var request = Assert.Single(journal);
        Assert.DoesNotContain("page", request.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nested_list_reads_its_parents_path_and_a_malformed_path_argument_is_UUID_INVALID()
    {
        var customer = (await QueryAsync("{ customers(first: 1) { nodes { uuid } } }"))["data"]!["customers"]!["nodes"]![0]!["uuid"]!.GetValue<string>();

        await _gateway.ClearJournalAsync();
        var result = await QueryAsync($"{{ customerByUuid(uuid: \"{customer}\") {{ users(first: 2) {{ totalCount nodes {{ uuid }} }} }} }}");
        var journal = await _gateway.JournalAsync();

        Assert.Null(result["errors"]);
        Assert.Contains(journal, j => j.Path == $"/api/customers/{customer}/users/" && j.Query.Contains("page_size=2", StringComparison.Ordinal));
        var bad = await QueryAsync("{ marketplaceBookings(uuid: \"not-a-uuid\", first: 1) { totalCount } }");
        Assert.Equal("UUID_INVALID", bad["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_cursor_of_one_parents_nested_connection_is_refused_by_anothers()
    {
        var customers = (await QueryAsync("{ customers(first: 2) { nodes { uuid users(first: 1) { pageInfo { endCursor } } } } }"))["data"]!["customers"]!["nodes"]!.AsArray();
        var cursor = customers[0]!["users"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var (first, second) = (customers[0]!["uuid"]!.GetValue<string>(), customers[1]!["uuid"]!.GetValue<string>());

        var same = await QueryAsync($"{{ customerByUuid(uuid: \"{first}\") {{ users(first: 1, after: \"{cursor}\") {{ totalCount }} }} }}");
        var other = await _gateway.QueryAsync($"{{ customerByUuid(uuid: \"{second}\") {{ users(first: 1, after: \"{cursor}\") {{ totalCount }} }} }}");

        Assert.NotNull(same["data"]!["customerByUuid"]!["users"]);
        Assert.Equal("CURSOR_ARGUMENTS_MISMATCH", other["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    /// <summary>Only the Relay global id is named <c>id</c>: Waldur's own integer id is <c>waldurId</c>, read from its <c>id</c> key.</summary>
    [Fact]
    public async Task Waldurs_own_integer_id_is_waldurId_read_from_its_id_key_filtered_and_sorted_here()
    {
        var (_, _, body) = await _gateway.EmulatorListAsync("/api/system-logs/?page=1&page_size=3");
        var ids = JsonNode.Parse(body)!.AsArray().Select(r => r!["id"]!.GetValue<int>()).ToList();
        Assert.Equal(3, ids.Count);

        var page = await QueryAsync("{ systemLogs(first: 3) { nodes { waldurId } } }");
        Assert.Equal(ids, page["data"]!["systemLogs"]!["nodes"]!.AsArray().Select(n => n!["waldurId"]!.GetValue<int>()));

        var one = await QueryAsync($"{{ systemLogs(first: 5, where: {{ waldurId: {{ eq: {ids[1]} }} }}, order: [{{ waldurId: DESC }}]) {{ nodes {{ waldurId }} }} }}");
        Assert.Equal([ids[1]], one["data"]!["systemLogs"]!["nodes"]!.AsArray().Select(n => n!["waldurId"]!.GetValue<int>()));

        var old = await _gateway.QueryAsync("{ systemLogs(first: 1) { nodes { id } } }");
        Assert.Contains("Cannot query field 'id' on type 'SystemLog'", old["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task<JsonNode> QueryAsync(string query)
    {
        var result = await _gateway.QueryAsync(query);
        if (!query.Contains("not-a-uuid", StringComparison.Ordinal))
        {
            Assert.True(result["errors"] is null, result.ToJsonString());
        }

        return result;
    }

    private static List<string> Uuids(IEnumerable<JsonNode?> rows) => rows.Select(r => r!["uuid"]!.GetValue<string>()).ToList();
}
