using Waldur.Emulator.Data;
using Waldur.Emulator.Data.Core;
using static Waldur.Emulator.Waldur.Resources.CoreStructure;
using static Waldur.Emulator.Waldur.Resources.CoreUrls;

namespace Waldur.Emulator.Waldur.Resources;

/// <summary>The marketplace lists (docs/waldur-core-rules.md §4–10).</summary>
internal static class CoreMarketplace
{
    private const string ResourceFilter = Marketplace + " ResourceFilter(OfferingFilterMixin, NameFilterSet, CreatedModifiedFilter)";
    private const string OrderFilter = Marketplace + " OrderFilter(CreatedModifiedFilter, OfferingFilterMixin)";
    private const string OfferingFilter = Marketplace + " OfferingFilter(CreatedModifiedFilter, NameFilterSet)";

    // The offering_* / provider_* / category_* / plan_* block shared by resources and orders (serializer order from the schema).
    private static RowValues<T> OfferingBlock<T>(RowValues<T> v, Func<T, CoreOffering> offering, Func<T, CorePlan?> plan) => v
        .Url("offering", x => Offering(offering(x))).Str("offering_name", x => offering(x).Name).Str("offering_uuid", x => offering(x).Uuid)
        .Str("offering_description", x => offering(x).Description).Str("offering_type", x => offering(x).Type)
        .Bool("offering_shared", x => offering(x).Shared).Bool("offering_billable", x => offering(x).Billable)
        .Str("provider_name", x => offering(x).Customer.Name).Str("provider_uuid", x => offering(x).Customer.Uuid).Str("provider_slug", x => offering(x).Customer.Slug)
        .Str("category_title", x => offering(x).Category.Title).Str("category_uuid", x => offering(x).Category.Uuid)
        .Url("plan", x => plan(x) is { } p ? Plan(p) : "/api/marketplace-plans/").Str("plan_name", x => plan(x)?.Name).Str("plan_uuid", x => plan(x)?.Uuid)
        .Str("plan_description", x => plan(x)?.Description);

    public static ResourceTable<CoreResource> Resources(EmulatorDataset dataset)
    {
        var core = dataset.Core;
        var values = OfferingBlock(new RowValues<CoreResource>(), r => r.Offering, r => r.Plan)
            .Str("uuid", r => r.Uuid).Time("created", r => r.Created).Time("modified", r => r.Modified).Url("url", Resource)
            .Str("description", r => r.Description).Str("state", r => r.State).Str("resource_uuid", r => r.Uuid).Str("backend_id", r => r.BackendId)
            .Url("project", r => Project(r.Project)).Str("project_uuid", r => r.Project.Uuid).Str("project_name", r => r.Project.Name)
            .Str("project_description", r => r.Project.Description).Day("project_end_date", r => r.Project.EndDate)
            .Str("customer_uuid", r => r.Project.Customer.Uuid).Str("customer_name", r => r.Project.Customer.Name).Str("offering_slug", r => r.Offering.Slug)
            .Str("name", r => r.Name).Str("slug", r => r.Slug).Bool("can_terminate", r => r.State is "OK" or "Erred").Day("end_date", r => r.EndDate)
            .Bool("downscaled", r => r.Downscaled).Bool("restrict_member_access", r => r.RestrictMemberAccess).Bool("paused", r => r.Paused)
            .Time("last_sync", r => r.Modified).Str("project_slug", r => r.Project.Slug).Str("customer_slug", r => r.Project.Customer.Slug)
            .Str("offering_state", r => r.Offering.State)
            // ReadOnlyField(source="offering.parent.uuid") etc.: no offering has a parent here, and DRF's get_attribute
            // answers None when a step of the source is None, so these are null (the spec's non-null is drf-spectacular's
            // guess; the parent_offering_uuid filter below matches no row, consistently).
            .Str("parent_offering_uuid", _ => null).Str("parent_offering_name", _ => null).Str("parent_offering_slug", _ => null)
            .Raw("available_actions", (r, _) => r.State == "OK" ? "[\"update\",\"terminate\"]" : "[]")
            .Raw("backend_metadata", (r, _) => "{\"state\":" + RowValues<CoreResource>.Js(r.State) + ",\"runtime_state\":" + RowValues<CoreResource>.Js(r.RuntimeState)
                + ",\"action\":\"\"}");
        var writer = new SchemaRowWriter<CoreResource>("/api/marketplace-resources/", values);
        // Each resource's last order, recomputed when a write moves the data set's version (orders are created and change state).
        (long Version, Dictionary<CoreResource, CoreOrder> Map)? last = null;
        Dictionary<CoreResource, CoreOrder> LastOrders()
        {
            var current = last;
            if (current is null || current.Value.Version != dataset.Version)
            {
                current = (dataset.Version, core.Orders.GroupBy(o => o.Resource).ToDictionary(g => g.Key, g => g.OrderBy(o => o.Created).Last()));
                last = current;
            }

            return current.Value.Map;
        }

        return new ResourceTable<CoreResource>("/api/marketplace-resources", "Resource", core.Resources, r => r.Id, r => r.Uuid)
        {
            LiveRows = () => core.Resources,
            Version = () => dataset.Version,
            Visible = (token, r) => dataset.IsVisibleTo(token, "/api/marketplace-resources/", r),
            Filters =
            [
                TableFilter<CoreResource>.Contains("name", r => r.Name, $"{ResourceFilter} via NameFilterSet: icontains"),
                TableFilter<CoreResource>.Exact("name_exact", r => r.Name, $"{ResourceFilter} via NameFilterSet: exact"),
                TableFilter<CoreResource>.Exact("backend_id", r => r.BackendId, $"{ResourceFilter}: Meta.fields (exact)"),
                TableFilter<CoreResource>.Method("query", "uuid → that row; else name/slug icontains, backend_id iexact", $"{ResourceFilter}.filter_query",
                    q => UuidLookup.Normalize(q) is { } u && core.Resources.Any(x => x.Uuid == u) ? r => r.Uuid == u
                        : r => Has(r.Name, q) || Has(r.Slug, q) || string.Equals(r.BackendId, q, StringComparison.OrdinalIgnoreCase)),
                TableFilter<CoreResource>.Url("offering", "/api/marketplace-provider-offerings/", r => r.Offering.Uuid, $"{ResourceFilter} (OfferingFilterMixin): URLFilter(offering__uuid) [public-offerings urls: UNVERIFIED]"),
                TableFilter<CoreResource>.CsvUuid("offering_uuid", r => r.Offering.Uuid, $"{ResourceFilter} (OfferingFilterMixin): RelatedUUIDInFilter"),
                TableFilter<CoreResource>.Csv("offering_slug", r => r.Offering.Slug, $"{ResourceFilter} (OfferingFilterMixin): CharInFilter(offering__slug)"),
                TableFilter<CoreResource>.Uuid("parent_offering_uuid", _ => "", $"{ResourceFilter}: UUIDFilter(offering__parent__uuid) (no parents modelled)"),
                TableFilter<CoreResource>.Exact("offering_type", r => r.Offering.Type, $"{ResourceFilter}: CharFilter(offering__type)"),
                TableFilter<CoreResource>.Bool("offering_billable", r => r.Offering.Billable, $"{ResourceFilter}: BooleanFilter(offering__billable)"),
                TableFilter<CoreResource>.Bool("offering_shared", r => r.Offering.Shared, $"{ResourceFilter}: BooleanFilter(offering__shared)"),
                TableFilter<CoreResource>.Uuid("plan_uuid", r => r.Plan?.Uuid ?? "", $"{ResourceFilter}: UUIDFilter(plan__uuid)"),
                TableFilter<CoreResource>.Uuid("project_uuid", r => r.Project.Uuid, $"{ResourceFilter}: UUIDFilter(project__uuid)"),
                TableFilter<CoreResource>.Uuid("customer_uuid", r => r.Project.Customer.Uuid, $"{ResourceFilter}: UUIDFilter(project__customer__uuid)"),
                TableFilter<CoreResource>.Uuid("category_uuid", r => r.Offering.Category.Uuid, $"{ResourceFilter}: UUIDFilter(offering__category__uuid)"),
                TableFilter<CoreResource>.Uuid("provider_uuid", r => r.Offering.Customer.Uuid, $"{ResourceFilter}: UUIDFilter(offering__customer__uuid)"),
                TableFilter<CoreResource>.Url("customer", "/api/customers/", r => r.Project.Customer.Uuid, $"{ResourceFilter}: URLFilter(project__customer__uuid)"),
                TableFilter<CoreResource>.Exact("project_name", r => r.Project.Name, $"{ResourceFilter}: CharFilter(project__name) (exact)"),
                TableFilter<CoreResource>.Custom("service_manager_uuid", "uuid: shared offerings where that user has an offering role (none modelled: empty)",
                    $"{ResourceFilter}.filter_service_manager", (q, _, e) => UuidParam(q, "service_manager_uuid", e) is null ? null : _ => false),
                TableFilter<CoreResource>.Choices("state", r => r.State, [.. CoreResource.States], $"{ResourceFilter}: MappedMultipleChoiceFilter(Resource.States)"),
                TableFilter<CoreResource>.Choices("order_state", r => LastOrders().GetValueOrDefault(r)?.State ?? "", [.. CoreOrder.States], $"{ResourceFilter}: MappedMultipleChoiceFilter(order__state)"),
                TableFilter<CoreResource>.Exact("runtime_state", r => r.RuntimeState, $"{ResourceFilter}: CharFilter(backend_metadata__runtime_state)"),
                TableFilter<CoreResource>.Bool("downscaled", r => r.Downscaled, $"{ResourceFilter}: BooleanFilter"),
                TableFilter<CoreResource>.Bool("restrict_member_access", r => r.RestrictMemberAccess, $"{ResourceFilter}: BooleanFilter"),
                TableFilter<CoreResource>.Bool("paused", r => r.Paused, $"{ResourceFilter}: BooleanFilter"),
                TableFilter<CoreResource>.BoolMethod("visible_to_providers", "true: hide Creating resources whose order is pending-consumer/project/start-date",
                    $"{ResourceFilter}.filter_visible_to_providers", (v, _) => v ? r => !(r.State == "Creating" && LastOrders().GetValueOrDefault(r)?.State is "pending-consumer" or "pending-project" or "pending-start-date") : null),
                TableFilter<CoreResource>.BoolMethod("lexis_links_supported", "plugin_options has heappe_url (never here)", $"{ResourceFilter}.filter_lexis_links_supported", (v, _) => v ? _ => false : null),
                TableFilter<CoreResource>.Method("visible_to_username", "the consumer visibility of that user; unknown: empty", $"{ResourceFilter}.filter_visible_to_username",
                    q => core.Users.FirstOrDefault(u => u.Username == q) is { } user
                        ? r => user.IsStaff || user.IsSupport || user.Roles.Any(x => x.Project == r.Project || x.Customer == r.Project.Customer) : _ => false),
                TableFilter<CoreResource>.BoolMethod("has_terminate_date", "true: end_date set; false: unset", $"{ResourceFilter}.filter_has_terminate_date", (v, _) => r => (r.EndDate is not null) == v),
                TableFilter<CoreResource>.NoEffect("usage_based", "offering components are not modelled", $"{ResourceFilter}.filter_usage_based"),
                TableFilter<CoreResource>.NoEffect("limit_based", "offering components are not modelled", $"{ResourceFilter}.filter_limit_based"),
                TableFilter<CoreResource>.NoEffect("only_usage_based", "offering components are not modelled", $"{ResourceFilter}.filter_only_usage_based"),
                TableFilter<CoreResource>.NoEffect("only_limit_based", "offering components are not modelled", $"{ResourceFilter}.filter_only_limit_based"),
                TableFilter<CoreResource>.NoEffect("component_count", "offering components are not modelled", $"{ResourceFilter}.filter_component_count"),
                TableFilter<CoreResource>.NoEffect("limit_component_count", "offering components are not modelled", $"{ResourceFilter}.filter_limit_component_count"),
                TableFilter<CoreResource>.BoolMethod("is_attached", "backend_metadata has instance_name (never here)", $"{ResourceFilter}.filter_is_attached", (v, _) => v ? _ => false : null),
                TableFilter<CoreResource>.Time("created", r => r.Created, "gte", $"{ResourceFilter} (CreatedModifiedFilter): created after"),
                TableFilter<CoreResource>.Time("modified", r => r.Modified, "gte", $"{ResourceFilter} (CreatedModifiedFilter): modified after"),
                TableFilter<CoreResource>.Method("scope", "url of the backing plugin object (none modelled: empty) [UNVERIFIED]", "marketplace ResourceScopeFilterBackend", _ => _ => false),
            ],
            Orderings =
            [
                new("name", (x, y) => Ordinal(x.Name, y.Name)),
                new("created", (x, y) => x.Created.CompareTo(y.Created)),
                new("project_name", (x, y) => Ordinal(x.Project.Name, y.Project.Name)),
                new("state", (x, y) => x.StateCode.CompareTo(y.StateCode)),
                new("end_date", (x, y) => NullsLast(x.EndDate, y.EndDate)),
            ],
            // Resource.Meta.ordering = ['created'] (7.0.7) [UNVERIFIED for 8.0.5].
            DefaultOrder = (x, y) => x.Created.CompareTo(y.Created),
            Json = writer.Write,
            FieldChoices = writer.Schema.Fields,
        };
    }

    public static ResourceTable<CoreOrder> Orders(EmulatorDataset dataset)
    {
        var core = dataset.Core;
        var values = OfferingBlock(new RowValues<CoreOrder>(), o => o.Offering, o => o.Plan)
            .Str("uuid", o => o.Uuid).Time("created", o => o.Created).Time("modified", o => o.Modified).Str("resource_uuid", o => o.Resource.Uuid)
            .Str("resource_name", o => o.Resource.Name).Decimal("cost", o => o.Cost, 10).Str("state", o => o.State).Str("marketplace_resource_uuid", o => o.Resource.Uuid)
            .Time("completed_at", o => o.CompletedAt).Str("type", o => o.Type).Str("slug", o => $"order-{o.Id}").Url("url", o => $"/api/marketplace-orders/{o.Uuid}/")
            .Time("consumer_reviewed_at", o => o.ConsumerReviewedAt).Str("created_by_username", o => o.CreatedBy.Username).Str("created_by_full_name", o => o.CreatedBy.FullName)
            .Str("customer_name", o => o.Project.Customer.Name).Str("customer_uuid", o => o.Project.Customer.Uuid).Str("customer_slug", o => o.Project.Customer.Slug)
            .Str("project_name", o => o.Project.Name).Str("project_uuid", o => o.Project.Uuid).Str("project_description", o => o.Project.Description)
            .Str("project_slug", o => o.Project.Slug).Bool("can_terminate", o => o.State is "pending-consumer" or "pending-provider");
        var writer = new SchemaRowWriter<CoreOrder>("/api/marketplace-orders/", values);
        return new ResourceTable<CoreOrder>("/api/marketplace-orders", "Order", core.Orders, o => o.Id, o => o.Uuid)
        {
            LiveRows = () => core.Orders,
            Version = () => dataset.Version,
            Visible = (token, o) => dataset.IsVisibleTo(token, "/api/marketplace-orders/", o),
            Filters =
            [
                TableFilter<CoreOrder>.Method("query", "uuid → that row; else project name icontains", $"{OrderFilter}.filter_query",
                    q => UuidLookup.Normalize(q) is { } u && core.Orders.Any(x => x.Uuid == u) ? o => o.Uuid == u : o => Has(o.Project.Name, q) || Has(o.Resource.Name, q)),
                TableFilter<CoreOrder>.Url("offering", "/api/marketplace-provider-offerings/", o => o.Offering.Uuid, $"{OrderFilter}: URLFilter(offering__uuid)"),
                TableFilter<CoreOrder>.Uuid("offering_uuid", o => o.Offering.Uuid, $"{OrderFilter}: UUIDFilter(offering__uuid) (single, overrides the mixin's CSV)"),
                TableFilter<CoreOrder>.Csv("offering_slug", o => o.Offering.Slug, $"{OrderFilter} (OfferingFilterMixin): CharInFilter(offering__slug)"),
                TableFilter<CoreOrder>.Uuid("parent_offering_uuid", _ => "", $"{OrderFilter}: UUIDFilter(offering__parent__uuid) (no parents modelled)"),
                TableFilter<CoreOrder>.Loose("offering_type", o => o.Offering.Type, $"{OrderFilter}: LooseMultipleChoiceFilter(offering__type)"),
                TableFilter<CoreOrder>.Uuid("project_uuid", o => o.Project.Uuid, $"{OrderFilter}: UUIDFilter(project__uuid)"),
                TableFilter<CoreOrder>.Uuid("category_uuid", o => o.Offering.Category.Uuid, $"{OrderFilter}: UUIDFilter(offering__category__uuid)"),
                TableFilter<CoreOrder>.Uuid("customer_uuid", o => o.Project.Customer.Uuid, $"{OrderFilter}: UUIDFilter(project__customer__uuid)"),
                TableFilter<CoreOrder>.Uuid("resource_uuid", o => o.Resource.Uuid, $"{OrderFilter}: UUIDFilter(resource__uuid)"),
                TableFilter<CoreOrder>.Uuid("provider_uuid", o => o.Offering.Customer.Uuid, $"{OrderFilter}: UUIDFilter(offering__customer__uuid)"),
                TableFilter<CoreOrder>.Url("resource", "/api/marketplace-resources/", o => o.Resource.Uuid, $"{OrderFilter}: URLFilter(resource__uuid)"),
                TableFilter<CoreOrder>.Exact("resource_name", o => o.Resource.Name, $"{OrderFilter}: CharFilter(resource__name)"),
                TableFilter<CoreOrder>.Custom("service_manager_uuid", "uuid: offering roles (none modelled: empty)", $"{OrderFilter}.filter_service_manager",
                    (q, _, e) => UuidParam(q, "service_manager_uuid", e) is null ? null : _ => false),
                TableFilter<CoreOrder>.Choices("state", o => o.State, [.. CoreOrder.States], $"{OrderFilter}: MappedMultipleChoiceFilter(Order.States)"),
                TableFilter<CoreOrder>.Choices("type", o => o.Type, [.. CoreOrder.Types], $"{OrderFilter}: MappedMultipleChoiceFilter(Order.Types)"),
                TableFilter<CoreOrder>.Time("created", o => o.Created, "gte", $"{OrderFilter} (CreatedModifiedFilter): created after"),
                TableFilter<CoreOrder>.Time("modified", o => o.Modified, "gte", $"{OrderFilter} (CreatedModifiedFilter): modified after"),
                TableFilter<CoreOrder>.BoolMethod("can_approve_as_consumer", "always state=pending-consumer; true (not staff): owner of the project's customer",
                    $"{OrderFilter}.filter_can_approve_as_consumer", (v, token) => dataset.CallerOf(token) is var c && v && !c.IsStaff
                        ? o => o.State == "pending-consumer" && c.RoleCustomers.Contains(o.Project.Customer) : o => o.State == "pending-consumer", widget: false),
                TableFilter<CoreOrder>.BoolMethod("can_approve_as_provider", "always state=pending-provider; true (not staff): owner of the offering's customer",
                    $"{OrderFilter}.filter_can_approve_as_provider", (v, token) => dataset.CallerOf(token) is var c && v && !c.IsStaff
                        ? o => o.State == "pending-provider" && c.RoleCustomers.Contains(o.Offering.Customer) : o => o.State == "pending-provider", widget: false),
            ],
            Orderings =
            [
                new("created", (x, y) => x.Created.CompareTo(y.Created)),
                new("consumer_reviewed_at", (x, y) => NullsLast(x.ConsumerReviewedAt, y.ConsumerReviewedAt)),
                new("cost", (x, y) => NullsLast(x.Cost, y.Cost)),
                new("state", (x, y) => x.StateCode.CompareTo(y.StateCode)),
            ],
            // Order.Meta.ordering = ('created',).
            DefaultOrder = (x, y) => x.Created.CompareTo(y.Created),
            Json = writer.Write,
            FieldChoices = writer.Schema.Fields,
        };
    }

    public static ResourceTable<CoreOffering> Offerings(EmulatorDataset dataset, bool provider)
    {
        var core = dataset.Core;
        var list = provider ? "/api/marketplace-provider-offerings/" : "/api/marketplace-public-offerings/";
        var values = new RowValues<CoreOffering>()
            .Url("url", o => provider ? Offering(o) : PublicOffering(o)).Str("uuid", o => o.Uuid).Time("created", o => o.Created).Str("name", o => o.Name)
            .Str("slug", o => o.Slug).Str("description", o => o.Description).Url("customer", o => Customer(o.Customer)).Str("customer_uuid", o => o.Customer.Uuid)
            .Str("customer_name", o => o.Customer.Name).Url("category", o => Category(o.Category)).Str("category_uuid", o => o.Category.Uuid)
            .Str("category_title", o => o.Category.Title).Str("state", o => o.State).Str("type", o => o.Type).Bool("shared", o => o.Shared)
            .Bool("billable", o => o.Billable).Str("backend_id", o => o.BackendId).Int("order_count", o => core.Orders.Count(x => x.Offering == o))
            .Str("billing_type_classification", _ => "fixed");
        if (!provider)
        {
            values.Bool("is_accessible", _ => true);
        }

        var writer = new SchemaRowWriter<CoreOffering>(list, values);
        return new ResourceTable<CoreOffering>(list.TrimEnd('/'), "Offering", core.Offerings, o => o.Id, o => o.Uuid)
        {
            Visible = (token, o) => dataset.IsVisibleTo(token, list, o),
            Filters =
            [
                TableFilter<CoreOffering>.Contains("name", o => o.Name, $"{OfferingFilter} via NameFilterSet: icontains"),
                TableFilter<CoreOffering>.Exact("name_exact", o => o.Name, $"{OfferingFilter} via NameFilterSet: exact"),
                TableFilter<CoreOffering>.Contains("description", o => o.Description, $"{OfferingFilter}: CharFilter(icontains)"),
                TableFilter<CoreOffering>.Method("query", "uuid → that row; else name/slug/description icontains", $"{OfferingFilter}.filter_query",
                    q => UuidLookup.Normalize(q) is { } u && core.Offerings.Any(x => x.Uuid == u) ? o => o.Uuid == u : o => Has(o.Name, q) || Has(o.Slug, q) || Has(o.Description, q)),
                TableFilter<CoreOffering>.Method("keyword", "name/description/customer name/abbreviation/native name icontains", $"{OfferingFilter}.filter_keyword",
                    q => o => Has(o.Name, q) || Has(o.Description, q) || Has(o.Customer.Name, q) || Has(o.Customer.Abbreviation, q) || Has(o.Customer.NativeName, q)),
                TableFilter<CoreOffering>.Url("customer", "/api/customers/", o => o.Customer.Uuid, $"{OfferingFilter}: URLFilter(customer__uuid)"),
                TableFilter<CoreOffering>.Uuid("customer_uuid", o => o.Customer.Uuid, $"{OfferingFilter}: UUIDFilter(customer__uuid)"),
                TableFilter<CoreOffering>.Custom("allowed_customer_uuid", "uuid: shared offerings, or offerings owned by it (no org groups)", $"{OfferingFilter}.filter_allowed_customer",
                    (q, _, e) => UuidParam(q, "allowed_customer_uuid", e) is { } u ? o => o.Shared || o.Customer.Uuid == u : null),
                TableFilter<CoreOffering>.Custom("project_uuid", "uuid: shared (offerings have no project here)", $"{OfferingFilter}.filter_project",
                    (q, _, e) => UuidParam(q, "project_uuid", e) is null ? null : o => o.Shared),
                TableFilter<CoreOffering>.Custom("service_manager_uuid", "uuid: offering roles (none modelled: empty)", $"{OfferingFilter}.filter_service_manager",
                    (q, _, e) => UuidParam(q, "service_manager_uuid", e) is null ? null : _ => false),
                TableFilter<CoreOffering>.Uuid("parent_uuid", _ => "", $"{OfferingFilter}: UUIDFilter(parent__uuid) (no parents modelled)"),
                TableFilter<CoreOffering>.Uuid("category_uuid", o => o.Category.Uuid, $"{OfferingFilter}: UUIDFilter(category__uuid)"),
                TableFilter<CoreOffering>.Uuid("category_group_uuid", _ => "", $"{OfferingFilter}: UUIDFilter(category__group__uuid) (no groups modelled)"),
                TableFilter<CoreOffering>.Uuid("organization_group_uuid", _ => "", $"{OfferingFilter}: UUIDFilter(organization_groups__uuid) (no groups modelled)"),
                TableFilter<CoreOffering>.Choices("state", o => o.State, [.. CoreOffering.States], $"{OfferingFilter}: MappedMultipleChoiceFilter(Offering.States)"),
                TableFilter<CoreOffering>.Loose("type", o => o.Type, $"{OfferingFilter}: LooseMultipleChoiceFilter"),
                TableFilter<CoreOffering>.Custom("tag", "repeated tag uuids (no tags modelled: empty)", $"{OfferingFilter}: tags__uuid", (q, _, _) => q.All("tag").Any(v => v.Length > 0) ? _ => false : null),
                TableFilter<CoreOffering>.Custom("tag_name", "repeated tag names (no tags modelled: empty)", $"{OfferingFilter}: tags__name", (q, _, _) => q.All("tag_name").Any(v => v.Length > 0) ? _ => false : null),
                TableFilter<CoreOffering>.Method("tags_and", "AND over tag uuids (no tags: empty)", $"{OfferingFilter}.filter_tags_and", _ => _ => false),
                TableFilter<CoreOffering>.Method("tag_names_and", "AND over tag names (no tags: empty)", $"{OfferingFilter}.filter_tag_names_and", _ => _ => false),
                TableFilter<CoreOffering>.Bool("billable", o => o.Billable, $"{OfferingFilter}: BooleanFilter(widget=BooleanWidget)", widget: true),
                TableFilter<CoreOffering>.Bool("shared", o => o.Shared, $"{OfferingFilter}: BooleanFilter(widget=BooleanWidget)", widget: true),
                TableFilter<CoreOffering>.NoEffect("attributes", "offering attributes are not modelled [bad JSON is a 400 in Waldur: UNVERIFIED here]", $"{OfferingFilter}.filter_attributes"),
                TableFilter<CoreOffering>.Method("scope_uuid", "the offering whose scope has that uuid (none modelled: empty)", $"{OfferingFilter}.filter_scope_uuid", _ => _ => false),
                TableFilter<CoreOffering>.BoolMethod("accessible_via_calls", "no calls modelled: true → empty, false → all", $"{OfferingFilter}.filter_accessible_via_calls", (v, _) => v ? _ => false : null, widget: false),
                TableFilter<CoreOffering>.Custom("resource_customer_uuid", "uuid: offerings with non-terminated resources of that customer", $"{OfferingFilter}.filter_resource_customer",
                    (q, _, e) => UuidParam(q, "resource_customer_uuid", e) is { } u ? o => core.Resources.Any(r => r.Offering == o && r.State != "Terminated" && r.Project.Customer.Uuid == u) : null),
                TableFilter<CoreOffering>.Custom("resource_project_uuid", "uuid: offerings with non-terminated resources of that project", $"{OfferingFilter}.filter_resource_project",
                    (q, _, e) => UuidParam(q, "resource_project_uuid", e) is { } u ? o => core.Resources.Any(r => r.Offering == o && r.State != "Terminated" && r.Project.Uuid == u) : null),
                TableFilter<CoreOffering>.Method("uuid_list", "comma-separated uuid__in", $"{OfferingFilter}.filter_uuid_list",
                    q => q.Split(',').Select(x => UuidLookup.Normalize(x.Trim())).ToHashSet() is var set ? o => set.Contains(o.Uuid) : null!),
                TableFilter<CoreOffering>.NoEffect("has_terms_of_service", "terms of service are not modelled", $"{OfferingFilter}.filter_has_terms_of_service"),
                TableFilter<CoreOffering>.NoEffect("has_active_terms_of_service", "terms of service are not modelled", $"{OfferingFilter}.filter_has_active_terms_of_service"),
                TableFilter<CoreOffering>.NoEffect("user_has_consent", "consents are not modelled", $"{OfferingFilter}.filter_user_has_consent"),
                TableFilter<CoreOffering>.NoEffect("user_has_offering_user", "offering users are not modelled", $"{OfferingFilter}.filter_user_has_offering_user"),
                TableFilter<CoreOffering>.Bool("can_create_offering_user", _ => false, $"{OfferingFilter}: BooleanFilter(plugin_options__service_provider_can_create_offering_user)"),
                TableFilter<CoreOffering>.Time("created", o => o.Created, "gte", $"{OfferingFilter} (CreatedModifiedFilter): created after"),
                TableFilter<CoreOffering>.Time("modified", o => o.Modified, "gte", $"{OfferingFilter} (CreatedModifiedFilter): modified after"),
                .. provider
                    ? [TableFilter<CoreOffering>.Custom("importable", "the key's presence: importable plugin types (none here: empty)", "marketplace OfferingImportableFilterBackend",
                        (q, _, _) => q.All("importable").Count > 0 ? _ => false : null)]
                    : Array.Empty<TableFilter<CoreOffering>>(),
            ],
            Orderings =
            [
                new("name", (x, y) => Ordinal(x.Name, y.Name)),
                new("created", (x, y) => x.Created.CompareTo(y.Created)),
                new("type", (x, y) => Ordinal(x.Type, y.Type)),
                // [UNVERIFIED] total_* are annotations; the emulator orders by the number of customers with resources / 0.
                new("total_customers", (x, y) => Customers(core, x).CompareTo(Customers(core, y))),
                new("total_cost", (_, _) => 0),
                new("total_cost_estimated", (_, _) => 0),
                new("state", (x, y) => x.StateCode.CompareTo(y.StateCode)),
            ],
            // Offering.Meta.ordering = ['name'].
            DefaultOrder = (x, y) => Ordinal(x.Name, y.Name),
            Json = writer.Write,
            FieldChoices = writer.Schema.Fields,
        };
    }

    private static int Customers(CoreData core, CoreOffering o) => core.Resources.Where(r => r.Offering == o).Select(r => r.Project.Customer).Distinct().Count();

    public static ResourceTable<CoreCategory> Categories(EmulatorDataset dataset)
    {
        var core = dataset.Core;
        const string CategoryFilter = Marketplace + " CategoryFilter";
        var writer = new SchemaRowWriter<CoreCategory>("/api/marketplace-categories/", new RowValues<CoreCategory>()
            .Url("url", Category).Str("uuid", c => c.Uuid).Str("title", c => c.Title).Str("description", c => c.Description)
            .Bool("default_vm_category", c => c.Title == "Virtual machines").Bool("default_volume_category", c => c.Title == "Storage")
            .Bool("default_tenant_category", c => c.Title == "Private clouds").Int("offering_count", c => core.Offerings.Count(o => o.Category == c && o.State is "Active" or "Paused"))
            .Int("available_offerings_count", c => core.Offerings.Count(o => o.Category == c && o.State == "Active")));
        return new ResourceTable<CoreCategory>("/api/marketplace-categories", "Category", core.Categories, c => c.Id, c => c.Uuid)
        {
            Filters =
            [
                TableFilter<CoreCategory>.Contains("title", c => c.Title, $"{CategoryFilter}: CharFilter(icontains)"),
                TableFilter<CoreCategory>.Uuid("group_uuid", _ => "", $"{CategoryFilter}: UUIDFilter(group__uuid) (no groups modelled)"),
                TableFilter<CoreCategory>.Custom("customer_uuid", "uuid: categories of offerings owned by that customer (states from customers_offerings_state)", $"{CategoryFilter}.filter_customer_uuid",
                    (q, _, e) =>
                    {
                        var u = UuidParam(q, "customer_uuid", e);
                        var states = q.All("customers_offerings_state").Where(v => v.Length > 0).ToHashSet(StringComparer.Ordinal);
                        return u is null ? null : c => core.Offerings.Any(o => o.Category == c && o.Customer.Uuid == u
                            && (states.Count == 0 || states.Contains(o.StateCode.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                    }),
                TableFilter<CoreCategory>.Choices("customers_offerings_state", _ => "", ["1", "2", "3", "4", "5"], $"{CategoryFilter}: MultipleChoiceFilter (only read by customer_uuid)"),
                TableFilter<CoreCategory>.BoolMethod("has_shared", "true or false: categories with a shared offering", $"{CategoryFilter}.filter_has_shared",
                    (_, _) => c => core.Offerings.Any(o => o.Category == c && o.Shared), widget: false),
                TableFilter<CoreCategory>.Method("offering_name", "offerings__name icontains", $"{CategoryFilter}: CharFilter(offerings__name, icontains) [not distinct in Waldur: rows may repeat; here distinct]",
                    q => c => core.Offerings.Any(o => o.Category == c && Has(o.Name, q))),
                TableFilter<CoreCategory>.Custom("resource_customer_uuid", "uuid: categories of offerings with non-terminated resources there", $"{CategoryFilter}.filter_resource_customer",
                    (q, _, e) => UuidParam(q, "resource_customer_uuid", e) is { } u ? c => core.Resources.Any(r => r.Offering.Category == c && r.State != "Terminated" && r.Project.Customer.Uuid == u) : null),
                TableFilter<CoreCategory>.Custom("resource_project_uuid", "uuid: categories of offerings with non-terminated resources there", $"{CategoryFilter}.filter_resource_project",
                    (q, _, e) => UuidParam(q, "resource_project_uuid", e) is { } u ? c => core.Resources.Any(r => r.Offering.Category == c && r.State != "Terminated" && r.Project.Uuid == u) : null),
            ],
            // Category.Meta.ordering = ('title',) (7.0.7) [UNVERIFIED for 8.0.5]; no o in 8.0.5.
            DefaultOrder = (x, y) => Ordinal(x.Title, y.Title),
            Json = writer.Write,
            FieldChoices = writer.Schema.Fields,
        };
    }

    public static ResourceTable<CoreServiceProvider> ServiceProviders(EmulatorDataset dataset)
    {
        var core = dataset.Core;
        const string ProviderFilter = Marketplace + " ServiceProviderFilter";
        var writer = new SchemaRowWriter<CoreServiceProvider>("/api/marketplace-service-providers/", new RowValues<CoreServiceProvider>()
            .Url("url", Provider).Str("uuid", p => p.Uuid).Time("created", p => p.Created).Str("description", p => p.Description).Bool("enable_notifications", _ => true)
            .Url("customer", p => Customer(p.Customer)).Str("customer_name", p => p.Customer.Name).Str("customer_uuid", p => p.Customer.Uuid)
            .Str("customer_abbreviation", p => p.Customer.Abbreviation).Str("customer_slug", p => p.Customer.Slug).Str("customer_native_name", p => p.Customer.NativeName)
            .Str("customer_country", p => p.Customer.Country).Int("offering_count", p => core.Offerings.Count(o => o.Provider == p && o.State is "Active" or "Paused")));
        return new ResourceTable<CoreServiceProvider>("/api/marketplace-service-providers", "Service provider", core.ServiceProviders, p => p.Id, p => p.Uuid)
        {
            Filters =
            [
                TableFilter<CoreServiceProvider>.Url("customer", "/api/customers/", p => p.Customer.Uuid, $"{ProviderFilter}: URLFilter(customer__uuid)"),
                TableFilter<CoreServiceProvider>.Uuid("customer_uuid", p => p.Customer.Uuid, $"{ProviderFilter}: UUIDFilter(customer__uuid)"),
                TableFilter<CoreServiceProvider>.Method("customer_keyword", "customer name/abbreviation/native name icontains", $"{ProviderFilter}.customer_keyword_filter",
                    q => p => Has(p.Customer.Name, q) || Has(p.Customer.Abbreviation, q) || Has(p.Customer.NativeName, q)),
            ],
            Orderings = [new("customer_name", (x, y) => Ordinal(x.Customer.Name, y.Customer.Name))],
            // ServiceProviderViewSet: order_by("customer__name").
            DefaultOrder = (x, y) => Ordinal(x.Customer.Name, y.Customer.Name),
            Json = writer.Write,
            FieldChoices = writer.Schema.Fields,
        };
    }

    public static ResourceTable<CorePlan> Plans(EmulatorDataset dataset)
    {
        var core = dataset.Core;
        const string PlanFilter = Marketplace + " PlanFilter(OfferingFilterMixin)";
        var writer = new SchemaRowWriter<CorePlan>("/api/marketplace-plans/", new RowValues<CorePlan>()
            .Url("url", Plan).Str("uuid", p => p.Uuid).Str("name", p => p.Name).Str("description", p => p.Description).Str("article_code", p => p.ArticleCode)
            .Int("max_amount", p => p.MaxAmount).Bool("archived", p => p.Archived).Bool("is_active", p => !p.Archived).Decimal("unit_price", p => p.UnitPrice, 7)
            .Str("unit", p => p.Unit).Url("offering", p => Offering(p.Offering)).Int("resources_count", p => core.Resources.Count(r => r.Plan == p && r.State != "Terminated"))
            .Str("plan_type", _ => "fixed"));
        return new ResourceTable<CorePlan>("/api/marketplace-plans", "Plan", core.Plans, p => p.Id, p => p.Uuid)
        {
            Visible = (token, p) => dataset.IsVisibleTo(token, "/api/marketplace-plans/", p),
            Filters =
            [
                TableFilter<CorePlan>.Url("offering", "/api/marketplace-provider-offerings/", p => p.Offering.Uuid, $"{PlanFilter}: URLFilter(offering__uuid)"),
                TableFilter<CorePlan>.Uuid("offering_uuid", p => p.Offering.Uuid, $"{PlanFilter}: UUIDFilter(offering__uuid)"),
                TableFilter<CorePlan>.Csv("offering_slug", p => p.Offering.Slug, $"{PlanFilter} (OfferingFilterMixin): CharInFilter(offering__slug)"),
                TableFilter<CorePlan>.Uuid("parent_offering_uuid", _ => "", $"{PlanFilter}: UUIDFilter(offering__parent__uuid) (no parents modelled)"),
            ],
            // Plan.Meta.ordering = ('name',); no o, no field (C8).
            DefaultOrder = (x, y) => Ordinal(x.Name, y.Name),
            Json = writer.Write,
            FieldChoices = writer.Schema.Fields,
        };
    }
}
