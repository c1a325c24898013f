using System.Security.Cryptography;
using System.Text;

namespace Waldur.Emulator.Tests;

/// <summary>
/// Issue 23's generic writes on a fresh emulator per test (writes change the data): creates, updates and deletes on a
/// generic list show in later reads; bodies are checked as DRF's serializer fields check them; a missing object is a 404.
/// The list is <c>/api/checklists-admin-questions/</c> (<c>QuestionAdminRequest</c>: a required hyperlink, a boolean, a
/// string enum, integers and decimals).
/// </summary>
public sealed class GenericWriteTests : IAsyncLifetime
{
    private const string Questions = "/api/checklists-admin-questions/";
    private const string OtherUuid = "0123456789abcdef0123456789abcdef";

    private EmulatorHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await EmulatorHost.StartAsync();
        _client = _host.Client();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    private string Checklist => _host.BaseUrl + "/api/checklists-admin/" + OtherUuid + "/";

    private async Task<(HttpResponseMessage Response, string Body)> Send(HttpMethod method, string url, string? json = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        var response = await _client.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private async Task<List<string>> UuidsAsync()
    {
        var (_, body) = await _client.GetWithBodyAsync(Questions + "?page_size=300");
        using var document = JsonDocument.Parse(body);
        return [.. document.RootElement.EnumerateArray().Select(r => r.GetProperty("uuid").GetString()!)];
    }

    private static Microsoft.OpenApi.IOpenApiSchema Item => VendoredLists.ItemSchema(VendoredLists.ListOperations.First(l => l.Key == Questions).Value);

    [Fact]
    public async Task Create_adds_a_row_with_the_body_values_and_a_derived_uuid_that_the_list_and_retrieve_show()
    {
        var before = await UuidsAsync();
        var (response, body) = await Send(HttpMethod.Post, Questions,
            $"{{\"checklist\":\"{Checklist}\",\"description\":\"  Made by a test \",\"order\":7,\"required\":true,\"question_type\":\"rating\",\"uuid\":\"{OtherUuid}\"}}");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var created = JsonDocument.Parse(body);
        var row = created.RootElement;
        var uuid = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("created:" + Questions + ":1"))[..16]);
        Assert.Equal(uuid, row.GetProperty("uuid").GetString());
        Assert.Equal($"{_host.BaseUrl}{Questions}{uuid}/", row.GetProperty("url").GetString());
        Assert.Equal(row.GetProperty("url").GetString(), response.Headers.Location?.ToString());
        Assert.Equal("Made by a test", row.GetProperty("description").GetString());
        Assert.Equal(7, row.GetProperty("order").GetInt32());
        Assert.True(row.GetProperty("required").GetBoolean());
        Assert.Equal("rating", row.GetProperty("question_type").GetString());
        Assert.Empty(SchemaValidator.Validate(row, Item));

        Assert.Equal([.. before, uuid], await UuidsAsync());
        var (retrieve, read) = await _client.GetWithBodyAsync(Questions + uuid + "/");
        Assert.Equal(HttpStatusCode.OK, retrieve.StatusCode);
        Assert.Equal(body.Replace("  Made", "Made", StringComparison.Ordinal), read);

        var (_, second) = await Send(HttpMethod.Post, Questions, $"{{\"checklist\":\"{Checklist}\"}}");
        var next = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("created:" + Questions + ":2"))[..16]);
        Assert.Equal(next, JsonDocument.Parse(second).RootElement.GetProperty("uuid").GetString());
    }

    [Fact]
    public async Task Update_applies_the_body_and_retrieve_shows_it_and_PUT_requires_what_a_create_does()
    {
        var uuid = (await UuidsAsync())[0];
        var (response, body) = await Send(HttpMethod.Patch, Questions + uuid + "/", "{\"description\":\"changed\",\"order\":3}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("changed", JsonDocument.Parse(body).RootElement.GetProperty("description").GetString());
        var (_, read) = await _client.GetWithBodyAsync(Questions + uuid + "/");
        Assert.Equal(body, read);
        Assert.Equal(3, JsonDocument.Parse(read).RootElement.GetProperty("order").GetInt32());

        var (put, error) = await Send(HttpMethod.Put, Questions + uuid + "/", "{\"description\":\"again\"}");
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal("{\"checklist\":[\"This field is required.\"]}", error);
        Assert.Equal(read, (await _client.GetWithBodyAsync(Questions + uuid + "/")).Body);
    }

    [Fact]
    public async Task Delete_removes_the_row_and_then_it_is_a_404()
    {
        var uuids = await UuidsAsync();
        var (response, body) = await Send(HttpMethod.Delete, Questions + uuids[0] + "/");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(body);
        Assert.Equal(uuids.Skip(1), await UuidsAsync());
        var (retrieve, read) = await _client.GetWithBodyAsync(Questions + uuids[0] + "/");
        Assert.Equal(HttpStatusCode.NotFound, retrieve.StatusCode);
        Assert.Equal("{\"detail\":\"No QuestionAdmin matches the given query.\"}", read);
        Assert.Equal((HttpStatusCode.NotFound, read), await StatusAndBody(HttpMethod.Delete, Questions + uuids[0] + "/"));
    }

    [Fact]
    public async Task A_missing_object_is_a_404_before_the_body_is_checked()
    {
        Assert.Equal((HttpStatusCode.NotFound, "{\"detail\":\"No QuestionAdmin matches the given query.\"}"),
            await StatusAndBody(HttpMethod.Patch, Questions + OtherUuid + "/", "{\"order\":\"x\"}"));
        // An action below a missing object (openstack_volumes_extend) and a nested list under a missing parent.
        Assert.Equal(HttpStatusCode.NotFound, (await StatusAndBody(HttpMethod.Post, "/api/openstack-volumes/" + OtherUuid + "/extend/", "{\"disk_size\":1}")).Status);
        var volume = (await _client.GetWithBodyAsync("/api/openstack-volumes/?page_size=1")).Body;
        var volumeUuid = JsonDocument.Parse(volume).RootElement[0].GetProperty("uuid").GetString();
        Assert.Equal(HttpStatusCode.OK, (await StatusAndBody(HttpMethod.Post, $"/api/openstack-volumes/{volumeUuid}/extend/", "{\"disk_size\":1}")).Status);
    }

    [Fact]
    public async Task Body_errors_are_DRFs_field_messages_in_serializer_order()
    {
        Assert.Equal((HttpStatusCode.BadRequest, "{\"checklist\":[\"This field is required.\"]}"), await StatusAndBody(HttpMethod.Post, Questions, "{}"));
        var (status, body) = await StatusAndBody(HttpMethod.Post, Questions,
            $"{{\"checklist\":\"{Checklist}\",\"required\":\"maybe\",\"description\":true,\"question_type\":\"nope\",\"order\":\"x\",\"min_value\":\"abc\",\"operator\":\"\"}}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("{\"required\":[\"Must be a valid boolean.\"],\"description\":[\"Not a valid string.\"],"
            + "\"question_type\":[\"\\\"nope\\\" is not a valid choice.\"],\"order\":[\"A valid integer is required.\"],"
            + "\"min_value\":[\"A valid number is required.\"]}", body);
        Assert.Equal((HttpStatusCode.BadRequest, "{\"order\":[\"Ensure this value is greater than or equal to 0.\"],\"always_requires_review\":[\"This field may not be null.\"]}"),
            await StatusAndBody(HttpMethod.Patch, Questions + (await UuidsAsync())[0] + "/", "{\"order\":-1,\"max_file_size_mb\":null,\"always_requires_review\":null}"));

        // A ListField given a string (marketplace_offering_estimated_cost_policies_create: organization_groups).
        var (listStatus, listBody) = await StatusAndBody(HttpMethod.Post, "/api/marketplace-offering-estimated-cost-policies/",
            "{\"scope\":\"http://x/\",\"actions\":\"notify\",\"limit_cost\":1,\"organization_groups\":\"g\"}");
        Assert.Equal(HttpStatusCode.BadRequest, listStatus);
        Assert.Equal("{\"organization_groups\":[\"Expected a list of items but got type \\\"str\\\".\"]}", listBody);
    }

    [Fact]
    public async Task Nested_serializers_and_list_bodies_report_errors_in_DRFs_nested_shapes()
    {
        // marketplace_category_components_create: `category` is a nested serializer requiring `title`.
        const string Components = "/api/marketplace-category-components/";
        Assert.Equal((HttpStatusCode.BadRequest, "{\"category\":{\"title\":[\"This field is required.\"]}}"),
            await StatusAndBody(HttpMethod.Post, Components, "{\"category\":{},\"name\":\"n\",\"type\":\"t\"}"));
        Assert.Equal((HttpStatusCode.BadRequest, "{\"category\":{\"non_field_errors\":[\"Invalid data. Expected a dictionary, but got str.\"]}}"),
            await StatusAndBody(HttpMethod.Post, Components, "{\"category\":\"x\",\"name\":\"n\",\"type\":\"t\"}"));

        // openstack_security_groups_set_rules takes a list (many=True): ListSerializer's shapes.
        var (_, groups) = await _client.GetWithBodyAsync("/api/openstack-security-groups/?page_size=1");
        var group = JsonDocument.Parse(groups).RootElement[0].GetProperty("uuid").GetString();
        var setRules = $"/api/openstack-security-groups/{group}/set_rules/";
        Assert.Equal((HttpStatusCode.BadRequest, "{\"non_field_errors\":[\"Expected a list of items but got type \\\"dict\\\".\"]}"),
            await StatusAndBody(HttpMethod.Post, setRules, "{}"));
        Assert.Equal((HttpStatusCode.BadRequest, "[{},{\"ethertype\":[\"\\\"IPv9\\\" is not a valid choice.\"]}]"),
            await StatusAndBody(HttpMethod.Post, setRules, "[{\"ethertype\":\"IPv4\"},{\"ethertype\":\"IPv9\"}]"));
        Assert.Equal(HttpStatusCode.OK, (await StatusAndBody(HttpMethod.Post, setRules, "[{\"ethertype\":\"IPv4\"}]")).Status);
    }

    [Fact]
    public async Task Form_and_multipart_bodies_are_read_as_DRFs_parsers_do_and_files_are_ignored()
    {
        using var multipart = new MultipartFormDataContent
        {
            { new StringContent(Checklist), "checklist" },
            { new StringContent("From a form"), "description" },
            { new StringContent("x"), "order" },
            { new ByteArrayContent([1, 2, 3]), "image", "image.png" },
        };
        var response = await _client.PostAsync(Questions, multipart);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("{\"order\":[\"A valid integer is required.\"]}", await response.Content.ReadAsStringAsync());

        using var valid = new MultipartFormDataContent
        {
            { new StringContent(Checklist), "checklist" },
            { new StringContent("From a form"), "description" },
            { new ByteArrayContent([1, 2, 3]), "image", "image.png" },
        };
        response = await _client.PostAsync(Questions, valid);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var uuid = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("uuid").GetString();

        using var form = new FormUrlEncodedContent([new("description", "Patched by a form")]);
        response = await _client.PatchAsync(Questions + uuid + "/", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (_, read) = await _client.GetWithBodyAsync(Questions + uuid + "/");
        Assert.Equal("Patched by a form", JsonDocument.Parse(read).RootElement.GetProperty("description").GetString());
    }

    private async Task<(HttpStatusCode Status, string Body)> StatusAndBody(HttpMethod method, string url, string? json = null)
    {
        var (response, body) = await Send(method, url, json);
        return (response.StatusCode, body);
    }
}
