using System.Globalization;
using System.Text.Json.Nodes;

namespace Waldur.Emulator.Waldur.Drift;

/// <summary>
/// What Waldur Mastermind 7.0.7 serves differently from the 8.0.5 document (<c>Emulator:Drift=waldur-7</c>), as observed
/// on a real 7.0.7 server and read in waldur-mastermind at tag 7.0.7 (paths under its <c>src/</c>). Every rule here is
/// restated in the emulator's README ("Drift mode").
/// </summary>
internal static class Waldur7Drift
{
    public const string Version = "7.0.7";

    /// <summary>Top-level collections 7.0.7 does not register (no router entry in any <c>urls.py</c>/<c>extension.py</c>
    /// of 7.0.7): a name ending in <c>-</c> is a prefix (<c>chat-*</c>), any other name matches itself and names that
    /// continue with <c>-</c> (<c>maintenance-announcements-template</c>).</summary>
    public static readonly IReadOnlyList<string> AbsentCollections =
    [
        "chat-", "maintenance-announcements", "marketplace-software-", "marketplace-tags", "marketplace-site-agent-",
        "onboarding-", "openportal-", "reviewer-", "user-actions", "system-logs", "event-subscriptions",
        "openstack-external-networks",
    ];

    /// <summary>Lists 7.0.7 answers as a bare array from <c>Response(...)</c> without its paginator: no
    /// <c>X-Result-Count</c>, no <c>Link</c>, <c>page</c>/<c>page_size</c> ignored (8.0.5 declares <c>page</c> on them).
    /// <c>structure/views.py CustomerViewSet.countries</c>; every action of <c>marketplace/views.py StatsViewSet</c>.</summary>
    public static bool Unpaged(string prefix) =>
        prefix == "/api/customers/countries" || prefix.StartsWith("/api/marketplace-stats/", StringComparison.Ordinal);

    /// <summary>Whether 7.0.7 has no url pattern for <paramref name="path"/> (Django's HTML 404, also for HEAD and for
    /// the path without its trailing slash, which APPEND_SLASH does not redirect when the slashed path does not resolve).</summary>
    public static bool IsAbsent(string path)
    {
        if (!path.StartsWith("/api/", StringComparison.Ordinal))
        {
            return false;
        }

        var segments = path[5..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return false;
        }

        var collection = segments[0];
        if (AbsentCollections.Any(name => name.EndsWith('-')
                ? collection.StartsWith(name, StringComparison.Ordinal)
                : collection == name || collection.StartsWith(name + "-", StringComparison.Ordinal)))
        {
            return true;
        }

        // The `history` detail action (`/api/customers/{uuid}/history/`, 8 such lists in 8.0.5) is not in 7.0.7's
        // viewsets; `/api/events/count/history/` is a plain url pattern of 7.0.7 (logging/urls.py) and stays.
        return segments.Length == 3 && segments[2] == "history" && !(segments[0] == "events" && segments[1] == "count");
    }

    /// <summary>List actions (<c>@action(detail=False)</c>) of 8.0.5 that 7.0.7's viewset of an existing collection
    /// lacks: of the 47 spec lists <c>/api/{collection}/{action}/</c>, those whose collection 7.0.7 registers but whose
    /// action name no 7.0.7 view defines. DRF's router then resolves the path as the collection's detail route with the
    /// action name as lookup (<c>get_object</c>: DRF's JSON 404 <c>No {Model} matches the given query.</c>, observed for
    /// <c>users</c> and <c>proposal-protected-calls</c>), or, for a viewset without <c>retrieve</c> (<c>marketplace/
    /// views.py StatsViewSet</c> is a plain <c>ViewSet</c>, so the router emits no detail route), not at all (Django's
    /// HTML 404). 7.0.7: <c>structure/views.py UserViewSet</c>, <c>proposal/views.py ProtectedCallViewSet</c>,
    /// <c>waldur_openstack/views.py VolumeTypeViewSet</c> (a <c>ReadOnlyModelViewSet</c>), <c>StatsViewSet</c>.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> AbsentListActions = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
    {
        ["users"] = new HashSet<string>(StringComparer.Ordinal) { "user_active_status_count", "user_language_count", "user_registration_trend" },
        ["proposal-protected-calls"] = new HashSet<string>(StringComparer.Ordinal) { "available_compliance_checklists" },
        ["openstack-volume-types"] = new HashSet<string>(StringComparer.Ordinal) { "names" },
        ["marketplace-stats"] = new HashSet<string>(StringComparer.Ordinal)
        {
            "aggregated_usage_trends", "offerings_counter_stats", "resource_provisioning_stats", "resource_usage_by_creator_affiliation",
            "resource_usage_by_customer", "resource_usage_by_organization_type", "resources_missing_usage", "user_affiliation_count",
            "user_auth_method_count", "user_identity_source_count", "user_job_title_count", "user_organization_count",
            "user_organization_type_count",
        },
    };

    /// <summary>For <c>/api/{collection}/{action}/</c> naming one of <see cref="AbsentListActions"/>: the collection's
    /// list path (<c>/api/users/</c>) and the action name, which 7.0.7's router takes as the detail lookup; else null.</summary>
    public static (string CollectionPath, string Lookup)? AbsentListAction(string path)
    {
        if (!path.StartsWith("/api/", StringComparison.Ordinal) || !path.EndsWith('/'))
        {
            return null;
        }

        var segments = path[5..^1].Split('/');
        return segments.Length == 2 && AbsentListActions.TryGetValue(segments[0], out var actions) && actions.Contains(segments[1])
            ? ("/api/" + segments[0] + "/", segments[1])
            : null;
    }

    /// <summary>Whether the collection at <paramref name="prefix"/> is a Waldur extension 7.0.7 has disabled (observed:
    /// <c>424 Failed Dependency</c>, <c>{"detail":"Extension is disabled."}</c>). <c>waldur_freeipa/views.py
    /// ProfileViewSet</c> mixes in <c>CheckExtensionMixin</c> (<c>extension_name = "WALDUR_FREEIPA"</c>), whose
    /// <c>initial</c> (<c>waldur_core/core/views.py CheckExtensionMixin</c>) raises <c>waldur_core/core/exceptions.py
    /// ExtensionDisabled</c> (<c>HTTP_424_FAILED_DEPENDENCY</c>) before DRF's own <c>initial</c>: before content
    /// negotiation, authentication and the method check, so for every method, list and detail.</summary>
    public static bool ExtensionDisabled(string prefix) => prefix == "/api/freeipa-profiles";

    /// <summary>Query parameters of the 8.0.5 list that 7.0.7's filter set does not declare, so django-filter ignores
    /// them (every row comes back). <c>/api/projects/</c>: 7.0.7's <c>structure/filters.py ProjectFilter</c> declares
    /// <c>name</c>, <c>name_exact</c> (<c>NameFilterSet</c>), <c>customer</c>, <c>customer_name</c>,
    /// <c>customer_native_name</c>, <c>customer_abbreviation</c>, <c>description</c>, <c>created</c>, <c>query</c>,
    /// <c>backend_id</c>, <c>o</c>; <c>ProjectViewSet</c>'s backends add <c>user_uuid</c> and
    /// <c>accounting_is_running</c>. (<c>customer_uuid</c>, which 8.0.5 does not declare either, is ignored in both modes.)</summary>
    public static IReadOnlySet<string> IgnoredParameters(string prefix) => prefix switch
    {
        "/api/projects" => ProjectParameters,
        _ => Empty,
    };

    /// <summary><c>o</c> keys of the 8.0.5 list that 7.0.7's django-filter <c>OrderingFilter</c> does not know, so a
    /// request naming one is a 400 <c>Select a valid choice. X is not one of the available choices.</c> (C5a).
    /// <c>/api/marketplace-resources/</c>: 7.0.7's <c>marketplace/filters.py ResourceFilter.o</c> has only
    /// <c>name</c> and <c>created</c>.</summary>
    public static IReadOnlySet<string> RejectedOrderKeys(string prefix) => prefix switch
    {
        "/api/marketplace-resources" => ResourceOrderKeys,
        _ => Empty,
    };

    /// <summary>Filters 7.0.7 declares as <c>UUIDFilter</c> where 8.0.5 has a Boolean: any value that is not a uuid (so
    /// <c>true</c>) is a 400 <c>Enter a valid UUID.</c>. <c>/api/marketplace-resources/</c>: 7.0.7's
    /// <c>marketplace/filters.py ResourceFilter.offering_billable = django_filters.UUIDFilter(field_name="offering__billable")</c>
    /// (seen on the real 7.0.7). A uuid value is dropped [UNVERIFIED: PostgreSQL would compare a boolean with it].</summary>
    public static IReadOnlySet<string> UuidOnlyParameters(string prefix) => prefix switch
    {
        "/api/marketplace-resources" => ResourceUuidOnly,
        _ => Empty,
    };

    private static readonly HashSet<string> ResourceUuidOnly = new(StringComparer.Ordinal) { "offering_billable" };

    private static readonly HashSet<string> Empty = [];

    private static readonly HashSet<string> ProjectParameters = new(StringComparer.Ordinal)
    {
        "slug", "modified", "can_manage", "can_admin", "conceal_finished_projects", "is_removed", "include_terminated",
    };

    private static readonly HashSet<string> ResourceOrderKeys = new(StringComparer.Ordinal) { "project_name", "state", "end_date" };

    /// <summary>Whether rows of the list at <paramref name="prefix"/> are rewritten by <see cref="Rewrite"/>.</summary>
    public static bool RewritesRows(string prefix) => prefix is "/api/marketplace-orders" or "/api/auth-tokens" or "/api/invoice-items"
        or "/api/marketplace-plans" or "/api/openstack-images" or "/api/marketplace-offering-permissions" or "/api/digitalocean-droplets";

    /// <summary>One row (list item or retrieve body) as 7.0.7's serializer writes it. Keys keep their order.</summary>
    public static void Rewrite(string prefix, JsonObject row)
    {
        switch (prefix)
        {
            case "/api/marketplace-orders":
                // marketplace/serializers.py OrderDetailsSerializer (7.0.7): no `url` in Meta.fields;
                // new_cost_estimate = ReadOnlyField(source="cost") and old_cost_estimate = ReadOnlyField(source=
                // "resource.cost"): the model's Decimal, which DRF's JSONEncoder writes as a number (COERCE_DECIMAL_TO_
                // STRING applies to DecimalField only); Resource.cost is null=True (CostEstimateMixin).
                row.Remove("url");
                if (row.ContainsKey("new_cost_estimate"))
                {
                    // With field= the row may lack `cost`; 8.x's new_cost_estimate is the same value as text.
                    row["new_cost_estimate"] = Number(row["cost"] ?? row["new_cost_estimate"]);
                }

                if (row.ContainsKey("old_cost_estimate"))
                {
                    // [UNVERIFIED] the emulator models no resource cost: null before the resource exists (a Create
                    // order), else the order's own cost.
                    row["old_cost_estimate"] = row["type"]?.GetValue<string>() == "Create" ? null : Number(row["cost"]);
                }

                break;
            case "/api/auth-tokens":
                // structure/serializers.py AuthTokenSerializers: user_is_active = CharField(source="user.is_active"),
                // so Python's str(True): "True"/"False".
                if (row["user_is_active"] is JsonValue active && active.TryGetValue<bool>(out var flag))
                {
                    row["user_is_active"] = flag ? "True" : "False";
                }

                break;
            case "/api/invoice-items":
                row.Remove("price"); // invoices/serializers.py InvoiceItemDetailSerializer (7.0.7): no `price`.
                break;
            case "/api/marketplace-plans":
                row.Remove("components"); // marketplace/serializers.py ProviderPlanDetailsSerializer (7.0.7): no `components`.
                break;
            case "/api/openstack-images":
                row.Remove("backend_id"); // waldur_openstack/serializers.py ImageSerializer (7.0.7): no `backend_id`.
                break;
            case "/api/marketplace-offering-permissions":
                row.Remove("offering_slug"); // marketplace/serializers.py OfferingPermissionSerializer (7.0.7): no `offering_slug`.
                break;
            case "/api/digitalocean-droplets":
                // structure/serializers.py VirtualMachineSerializer.get_access_url → structure/models.py
                // VirtualMachine.get_access_url: external_ips if any, else internal_ips if any, else None (a list).
                if (row.ContainsKey("access_url"))
                {
                    // With field= the row may lack the IP keys: 8.x's access_url is then the one address, as a list.
                    row["access_url"] = row.ContainsKey("external_ips") || row.ContainsKey("internal_ips")
                        ? NonEmpty(row["external_ips"]) ?? NonEmpty(row["internal_ips"])
                        : row["access_url"] is JsonValue one && one.TryGetValue<string>(out var address) ? new JsonArray(address) : null;
                }

                break;
        }
    }

    private static JsonNode? NonEmpty(JsonNode? node) => node is JsonArray { Count: > 0 } array ? array.DeepClone() : null;

    private static JsonValue? Number(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text)
            && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create((double)number)
            : null;
}
