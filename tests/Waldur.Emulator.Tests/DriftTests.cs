using System.Globalization;

namespace Waldur.Emulator.Tests;

/// <summary>
/// <c>Emulator:Drift=waldur-7</c>: the emulator answers as Waldur 7.0.7 was observed to (README "Drift mode"). Each test
/// asks the same thing of a normal emulator and of a drifted one, so every assertion fails when the difference is gone
/// or leaks into the normal mode.
/// </summary>
public sealed class DriftTests : IAsyncLifetime
{
    private EmulatorHost _normal = null!;
    private EmulatorHost _drift = null!;
    private HttpClient _n = null!;
    private HttpClient _d = null!;

    public async Task InitializeAsync()
    {
        string[] users = ["--Emulator:Users:nobody-token:Role=none"];
        _normal = await EmulatorHost.StartAsync(users);
        _drift = await EmulatorHost.StartAsync([.. users, "--Emulator:Drift=waldur-7"]);
        _n = _normal.Client();
        _d = _drift.Client();
    }

    public async Task DisposeAsync()
    {
        _n.Dispose();
        _d.Dispose();
        await _normal.DisposeAsync();
        await _drift.DisposeAsync();
    }

    private static async Task<List<JsonElement>> Rows(HttpClient client, string url)
    {
        var (response, body) = await client.GetWithBodyAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {body}");
        return [.. JsonDocument.Parse(body).RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    [Fact]
    public void The_option_is_validated()
    {
        var e = Assert.Throws<InvalidOperationException>(() => EmulatorApp.Build(["--Emulator:Drift=waldur-6"]));
        Assert.Contains("Emulator:Drift", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_is_8_0_5_normally_and_7_0_7_in_drift_mode_staff_only()
    {
        var (normal, normalBody) = await _n.GetWithBodyAsync("/api/version/");
        var (drift, driftBody) = await _d.GetWithBodyAsync("/api/version/");
        Assert.Equal(HttpStatusCode.OK, normal.StatusCode);
        Assert.Equal("application/json", normal.Content.Headers.ContentType?.MediaType);
        Assert.Equal("{\"version\":\"8.0.5\"}", normalBody);
        Assert.Equal("{\"version\":\"7.0.7\"}", driftBody);

        using var nobody = _drift.Client("Token nobody-token");
        var (forbidden, forbiddenBody) = await nobody.GetWithBodyAsync("/api/version/");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("You do not have permission", forbiddenBody, StringComparison.Ordinal);
        using var anonymous = _normal.Client(authorization: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/version/")).StatusCode);
    }

    public static TheoryData<string> AbsentPaths => new(
        "/api/chat-threads/", "/api/maintenance-announcements/", "/api/marketplace-software-catalogs/", "/api/marketplace-tags/",
        "/api/marketplace-site-agent-identities/", "/api/onboarding-verifications/", "/api/openportal-allocations/",
        "/api/reviewer-profiles/", "/api/user-actions/", "/api/system-logs/", "/api/event-subscriptions/",
        "/api/openstack-external-networks/");

    [Theory]
    [MemberData(nameof(AbsentPaths))]
    public async Task Collections_absent_in_7_0_7_are_Djangos_HTML_404_for_GET_and_HEAD(string path)
    {
        var (normal, _) = await _n.GetWithBodyAsync(path);
        Assert.Equal(HttpStatusCode.OK, normal.StatusCode);

        var (drift, body) = await _d.GetWithBodyAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, drift.StatusCode);
        Assert.Equal("text/html", drift.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Not Found</title>", body, StringComparison.Ordinal);
        var head = await _d.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        Assert.Equal("text/html", head.Content.Headers.ContentType?.MediaType);
        // Without the slash: no APPEND_SLASH redirect, since the slashed path does not resolve either.
        Assert.Equal(HttpStatusCode.NotFound, (await _d.GetAsync(path.TrimEnd('/'))).StatusCode);
    }

    [Fact]
    public async Task History_detail_actions_are_absent_and_other_lists_are_not()
    {
        var customer = _drift.Dataset.Core.Customers[0].Uuid;
        Assert.Equal(HttpStatusCode.OK, (await _n.GetAsync($"/api/customers/{customer}/history/")).StatusCode);
        var (history, body) = await _d.GetWithBodyAsync($"/api/customers/{customer}/history/");
        Assert.Equal(HttpStatusCode.NotFound, history.StatusCode);
        Assert.StartsWith("<!doctype html>", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _d.GetAsync("/api/customers/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _d.GetAsync($"/api/customers/{customer}/")).StatusCode);
    }

    [Fact]
    public async Task A_page_past_the_end_is_the_JSON_Invalid_page_404_in_both_modes()
    {
        foreach (var client in new[] { _n, _d })
        {
            var (response, body) = await client.GetWithBodyAsync("/api/customers/?page=99");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("{\"detail\":\"Invalid page.\"}", body);
        }
    }

    [Fact]
    public async Task Orders_have_no_url_and_cost_estimates_are_numbers()
    {
        var normal = await Rows(_n, "/api/marketplace-orders/?page_size=300");
        var drift = await Rows(_d, "/api/marketplace-orders/?page_size=300");
        Assert.Equal(normal.Count, drift.Count);
        Assert.All(normal, o => Assert.Equal(JsonValueKind.String, o.GetProperty("url").ValueKind));
        Assert.All(drift, o => Assert.False(o.TryGetProperty("url", out _)));
        var costed = 0;
        for (var i = 0; i < drift.Count; i++)
        {
            var cost = drift[i].GetProperty("cost");
            var estimate = drift[i].GetProperty("new_cost_estimate");
            if (cost.ValueKind == JsonValueKind.String)
            {
                costed++;
                Assert.Equal(JsonValueKind.Number, estimate.ValueKind);
                Assert.Equal(decimal.Parse(cost.GetString()!, CultureInfo.InvariantCulture), estimate.GetDecimal());
            }

            var old = drift[i].GetProperty("old_cost_estimate");
            Assert.Equal(drift[i].GetProperty("type").GetString() == "Create" ? JsonValueKind.Null : cost.ValueKind == JsonValueKind.Null ? JsonValueKind.Null : JsonValueKind.Number, old.ValueKind);
            Assert.Equal(
                normal[i].EnumerateObject().Select(p => p.Name).Where(n => n != "url"),
                drift[i].EnumerateObject().Select(p => p.Name));
        }

        Assert.True(costed > 0);
        Assert.Contains(drift, o => o.GetProperty("old_cost_estimate").ValueKind == JsonValueKind.Null);
        Assert.Contains(normal, o => o.GetProperty("old_cost_estimate").ValueKind == JsonValueKind.Number);

        var uuid = drift[0].GetProperty("uuid").GetString();
        var (one, body) = await _d.GetWithBodyAsync($"/api/marketplace-orders/{uuid}/");
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.False(JsonDocument.Parse(body).RootElement.TryGetProperty("url", out _));
    }

    [Theory]
    [InlineData("/api/invoice-items/", "price")]
    [InlineData("/api/marketplace-plans/", "components")]
    [InlineData("/api/openstack-images/", "backend_id")]
    [InlineData("/api/marketplace-offering-permissions/", "offering_slug")]
    public async Task Keys_7_0_7_does_not_serialise_are_absent(string path, string key)
    {
        var normal = await Rows(_n, path + "?page_size=300");
        var drift = await Rows(_d, path + "?page_size=300");
        Assert.NotEmpty(drift);
        Assert.Equal(normal.Count, drift.Count);
        Assert.All(normal, row => Assert.True(row.TryGetProperty(key, out _)));
        Assert.All(drift, row => Assert.False(row.TryGetProperty(key, out _)));
    }

    [Fact]
    public async Task Auth_tokens_user_is_active_is_a_string()
    {
        var normal = await Rows(_n, "/api/auth-tokens/?page_size=300");
        var drift = await Rows(_d, "/api/auth-tokens/?page_size=300");
        Assert.NotEmpty(drift);
        for (var i = 0; i < drift.Count; i++)
        {
            var flag = normal[i].GetProperty("user_is_active");
            Assert.True(flag.ValueKind is JsonValueKind.True or JsonValueKind.False);
            Assert.Equal(flag.GetBoolean() ? "True" : "False", drift[i].GetProperty("user_is_active").GetString());
        }
    }

    [Fact]
    public async Task Droplets_access_url_is_the_external_or_internal_ips_array()
    {
        var normal = await Rows(_n, "/api/digitalocean-droplets/?page_size=300");
        var drift = await Rows(_d, "/api/digitalocean-droplets/?page_size=300");
        Assert.NotEmpty(drift);
        Assert.All(normal, d => Assert.Equal(JsonValueKind.Null, d.GetProperty("access_url").ValueKind));
        foreach (var droplet in drift)
        {
            var external = droplet.GetProperty("external_ips");
            var expected = external.GetArrayLength() > 0 ? external : droplet.GetProperty("internal_ips");
            Assert.Equal(JsonValueKind.Array, droplet.GetProperty("access_url").ValueKind);
            Assert.Equal(expected.GetRawText(), droplet.GetProperty("access_url").GetRawText());
        }
    }

    [Fact]
    public async Task Projects_ignore_parameters_7_0_7_does_not_declare_and_keep_customer()
    {
        var all = (await Rows(_n, "/api/projects/?page_size=300")).Count;
        var project = _normal.Dataset.Core.Projects[3];
        Assert.Single(await Rows(_n, $"/api/projects/?slug={project.Slug}"));
        Assert.Equal(all, (await Rows(_d, $"/api/projects/?slug={project.Slug}&page_size=300")).Count);
        Assert.Empty(await Rows(_n, "/api/projects/?is_removed=true"));
        Assert.Equal(all, (await Rows(_d, "/api/projects/?is_removed=true&page_size=300")).Count);

        var customer = project.Customer.Uuid;
        var ofCustomer = _drift.Dataset.Core.Projects.Count(p => p.Customer.Uuid == customer);
        Assert.True(ofCustomer < all);
        Assert.Equal(ofCustomer, (await Rows(_d, $"/api/projects/?customer={customer}&page_size=300")).Count);
        // customer_uuid is no ProjectFilter parameter in either version: ignored in both modes.
        Assert.Equal(all, (await Rows(_d, $"/api/projects/?customer_uuid={customer}&page_size=300")).Count);
        Assert.Equal(all, (await Rows(_n, $"/api/projects/?customer_uuid={customer}&page_size=300")).Count);
    }

    [Fact]
    public async Task Resources_reject_o_keys_7_0_7_does_not_know()
    {
        Assert.Equal(HttpStatusCode.OK, (await _n.GetAsync("/api/marketplace-resources/?o=project_name")).StatusCode);
        var (response, body) = await _d.GetWithBodyAsync("/api/marketplace-resources/?o=name,-project_name");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("{\"o\":[\"Select a valid choice. -project_name is not one of the available choices.\"]}", body);
        Assert.Equal(HttpStatusCode.OK, (await _d.GetAsync("/api/marketplace-resources/?o=-name,created")).StatusCode);
    }

    [Theory]
    [InlineData("/api/customers/countries/")]
    [InlineData("/api/marketplace-stats/customer_member_count/")]
    public async Task Lists_7_0_7_does_not_paginate_are_bare_arrays(string path)
    {
        var (normal, _) = await _n.GetWithBodyAsync(path);
        Assert.NotNull(normal.Header("X-Result-Count"));
        var total = int.Parse(normal.Header("X-Result-Count")!, CultureInfo.InvariantCulture);
        Assert.True(total > 2, $"{path}: only {total} rows, paging would not show");
        Assert.Equal(2, (await Rows(_n, path + "?page_size=2")).Count);

        var (drift, body) = await _d.GetWithBodyAsync(path);
        Assert.Equal(HttpStatusCode.OK, drift.StatusCode);
        Assert.Null(drift.Header("X-Result-Count"));
        Assert.Null(drift.Header("Link"));
        Assert.Equal(total, JsonDocument.Parse(body).RootElement.GetArrayLength());
        var (paged, pagedBody) = await _d.GetWithBodyAsync(path + "?page=2&page_size=2");
        Assert.Equal(HttpStatusCode.OK, paged.StatusCode);
        Assert.Equal(body, pagedBody);
    }

    public static TheoryData<string> QuotaLists => new("/api/customer-quotas/", "/api/project-quotas/");

    // analytics/views.py BaseQuotasViewSet.list: Response(status=400) without data, in 7.0.7 and 8.x.
    [Theory]
    [MemberData(nameof(QuotaLists))]
    public async Task Quota_lists_without_quota_name_or_with_another_o_are_an_empty_400_in_both_modes(string path)
    {
        foreach (var client in new[] { _n, _d })
        {
            foreach (var query in new[] { "", "?quota_name=", "?o=value", "?quota_name=nc_resource_count&o=-value",
                "?quota_name=nc_resource_count&o=-name", "?quota_name=nc_resource_count&o=customer_name",
                "?quota_name=nc_resource_count&o=name&o=created" })
            {
                foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
                {
                    var (response, body) = await client.SendWithBodyAsync(method, path + query);
                    Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {path}{query}: {response.StatusCode} {body}");
                    Assert.Equal("", body);
                    Assert.Null(response.Content.Headers.ContentType);
                    Assert.Equal(0, response.Content.Headers.ContentLength);
                }
            }

            foreach (var query in new[] { "?quota_name=nc_resource_count", "?quota_name=estimated_price&o=value",
                "?quota_name=nc_resource_count&o=name", "?quota_name=nc_resource_count&o=", "?quota_name=x&o=-value&o=name" })
            {
                var (response, body) = await client.GetWithBodyAsync(path + query);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}{query}: {response.StatusCode} {body}");
                Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(body).RootElement.ValueKind);
            }
        }

        // IsStaffOrSupportUser comes first (DRF's initial, before list()).
        using var nobody = _drift.Client("Token nobody-token");
        var (forbidden, forbiddenBody) = await nobody.GetWithBodyAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("You do not have permission", forbiddenBody, StringComparison.Ordinal);
    }

    // waldur_freeipa/views.py ProfileViewSet: CheckExtensionMixin raises ExtensionDisabled (424) before DRF's initial.
    [Fact]
    public async Task Freeipa_profiles_are_424_Extension_is_disabled_for_every_method_list_and_detail()
    {
        var (normal, _) = await _n.GetWithBodyAsync("/api/freeipa-profiles/");
        Assert.Equal(HttpStatusCode.OK, normal.StatusCode);

        using var anonymous = _drift.Client(authorization: null);
        foreach (var path in new[] { "/api/freeipa-profiles/", "/api/freeipa-profiles/0123456789abcdef0123456789abcdef/",
            "/api/freeipa-profiles/?format=xml" })
        {
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head, HttpMethod.Options, HttpMethod.Post, HttpMethod.Delete })
            {
                foreach (var client in new[] { _d, anonymous })
                {
                    var (response, body) = await client.SendWithBodyAsync(method, path);
                    Assert.True(response.StatusCode == HttpStatusCode.FailedDependency, $"{method} {path}: {response.StatusCode} {body}");
                    Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
                    Assert.Equal(method == HttpMethod.Head ? "" : "{\"detail\":\"Extension is disabled.\"}", body);
                }
            }
        }

        Assert.Equal(HttpStatusCode.MovedPermanently, (await _d.GetAsync("/api/freeipa-profiles")).StatusCode);
    }

    [Theory]
    [InlineData("/api/users/user_active_status_count/", "User")]
    [InlineData("/api/users/user_language_count/", "User")]
    [InlineData("/api/users/user_registration_trend/", "User")]
    [InlineData("/api/proposal-protected-calls/available_compliance_checklists/", "Call")]
    public async Task List_actions_7_0_7_lacks_resolve_as_the_detail_route_a_JSON_404(string path, string model)
    {
        var (normal, _) = await _n.GetWithBodyAsync(path);
        Assert.Equal(HttpStatusCode.OK, normal.StatusCode);

        var (drift, body) = await _d.GetWithBodyAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, drift.StatusCode);
        Assert.Equal("application/json", drift.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{{\"detail\":\"No {model} matches the given query.\"}}", body);
        var (head, headBody) = await _d.SendWithBodyAsync(HttpMethod.Head, path);
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        Assert.Empty(headBody);
        using var anonymous = _drift.Client(authorization: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        // The slashed path resolves (as a detail), so APPEND_SLASH redirects.
        Assert.Equal(HttpStatusCode.MovedPermanently, (await _d.GetAsync(path.TrimEnd('/'))).StatusCode);
    }

    // marketplace/views.py StatsViewSet is a plain ViewSet without retrieve: no detail route, so nothing resolves.
    [Fact]
    public async Task Stats_actions_7_0_7_lacks_are_Djangos_HTML_404_and_present_ones_stay()
    {
        const string path = "/api/marketplace-stats/user_affiliation_count/";
        Assert.Equal(HttpStatusCode.OK, (await _n.GetAsync(path)).StatusCode);
        var (drift, body) = await _d.GetWithBodyAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, drift.StatusCode);
        Assert.StartsWith("<!doctype html>", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _d.GetAsync(path.TrimEnd('/'))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _d.GetAsync("/api/marketplace-stats/customer_member_count/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _d.GetAsync("/api/users/")).StatusCode);
    }
}
