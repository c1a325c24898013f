using System.Globalization;
using Waldur.Emulator.Data;
using Waldur.Emulator.Data.Core;
using static Waldur.Emulator.Waldur.Resources.CoreStructure;
using static Waldur.Emulator.Waldur.Resources.CoreUrls;

namespace Waldur.Emulator.Waldur.Resources;

/// <summary><c>/api/openstack-tenants/</c>, <c>-instances/</c>, <c>-volumes/</c>, <c>/api/invoices/</c> and <c>/api/events/</c>
/// (docs/waldur-core-rules.md §11–15).</summary>
internal static class CoreOpenStack
{
    private const string Base = Structure + " BaseResourceFilter";
    private const string OpenStack = "waldur_openstack/filters.py";

    // The structure resource block (BaseResourceSerializer) shared by the three openstack serializers.
    private static RowValues<T> ResourceBlock<T>(RowValues<T> v, string path, Func<T, string> uuid, Func<T, string> name, Func<T, string> description,
        Func<T, CoreServiceSettings> settings, Func<T, CoreProject> project, Func<T, string> state, Func<T, DateTimeOffset> created, Func<T, DateTimeOffset> modified,
        Func<T, string> backendId) => v
        .Url("url", x => path + uuid(x) + "/").Str("uuid", uuid).Str("name", name).Str("description", description).Str("service_name", x => settings(x).Name)
        .Url("service_settings", x => Settings(settings(x))).Str("service_settings_uuid", x => settings(x).Uuid).Str("service_settings_state", _ => "OK")
        .Url("project", x => Project(project(x))).Str("project_name", x => project(x).Name).Str("project_uuid", x => project(x).Uuid)
        .Url("customer", x => Customer(project(x).Customer)).Str("customer_uuid", x => project(x).Customer.Uuid).Str("customer_name", x => project(x).Customer.Name)
        .Str("customer_native_name", x => project(x).Customer.NativeName).Str("customer_abbreviation", x => project(x).Customer.Abbreviation)
        .Str("error_message", x => state(x) == "ERRED" ? "Server has failed to boot." : "").Str("state", state).Time("created", x => created(x))
        .Time("modified", x => modified(x)).Str("backend_id", x => backendId(x).Length == 0 ? null : backendId(x));

    // BaseResourceFilter (structure/filters.py:536), in Meta.fields order, plus the declared filters.
    private static List<TableFilter<T>> BaseFilters<T>(EmulatorDataset dataset, string owner, Func<T, CoreProject> project, Func<T, string> name,
        Func<T, string> description, Func<T, CoreServiceSettings> settings, Func<T, string> state, Func<T, string> uuid, Func<T, string> backendId, bool emptyExternalIp) =>
    [
        TableFilter<T>.Uuid("customer", x => project(x).Customer.Uuid, $"{Base}: UUIDFilter(project__customer__uuid)"),
        TableFilter<T>.Uuid("customer_uuid", x => project(x).Customer.Uuid, $"{Base}: UUIDFilter(project__customer__uuid)"),
        TableFilter<T>.Contains("customer_name", x => project(x).Customer.Name, $"{Base}: CharFilter(project__customer__name, icontains)"),
        TableFilter<T>.Contains("customer_native_name", x => project(x).Customer.NativeName, $"{Base}: CharFilter(project__customer__native_name, icontains)"),
        TableFilter<T>.Contains("customer_abbreviation", x => project(x).Customer.Abbreviation, $"{Base}: CharFilter(project__customer__abbreviation, icontains)"),
        TableFilter<T>.Uuid("project", x => project(x).Uuid, $"{Base}: UUIDFilter(project__uuid)"),
        TableFilter<T>.Uuid("project_uuid", x => project(x).Uuid, $"{Base}: UUIDFilter(project__uuid)"),
        TableFilter<T>.Contains("project_name", x => project(x).Name, $"{Base}: CharFilter(project__name, icontains)"),
        TableFilter<T>.Contains("service_settings_name", x => settings(x).Name, $"{Base}: CharFilter(service_settings__name, icontains)"),
        TableFilter<T>.Uuid("service_settings_uuid", x => settings(x).Uuid, $"{Base}: UUIDFilter(service_settings__uuid)"),
        TableFilter<T>.Contains("name", name, $"{Base} via NameFilterSet: icontains"),
        TableFilter<T>.Exact("name_exact", name, $"{Base} via NameFilterSet: exact"),
        TableFilter<T>.Contains("description", description, $"{Base}: CharFilter(icontains)"),
        TableFilter<T>.Choices("state", state, [.. EmulatorDroplet.StateCodes.Keys], $"{Base}: MappedMultipleChoiceFilter(CoreStates)"),
        TableFilter<T>.Uuid("uuid", uuid, $"{Base}: UUIDFilter (8.0.5; removed later)"),
        TableFilter<T>.Exact("backend_id", backendId, $"{Base}: CharFilter(exact)"),
        TableFilter<T>.BoolMethod("can_manage", "staff: no-op; others (true or false): projects with PROJECT.ADMIN/MANAGER or owned customers",
            $"{Base}.filter_can_manage", (_, token) => dataset.CallerOf(token) is { IsStaff: false } c
                ? x => c.RoleCustomers.Contains(project(x).Customer) || c.User?.Roles.Any(r => r.Project == project(x) && r.Name is "PROJECT.ADMIN" or "PROJECT.MANAGER") == true
                : null, widget: false),
        .. emptyExternalIp ? [TableFilter<T>.Method("external_ip", "EmptyFilter: any value → empty list", $"{Base}: EmptyFilter", _ => _ => false)] : Array.Empty<TableFilter<T>>(),
    ];

    private static List<TableOrder<T>> BaseOrderings<T>(Func<T, CoreProject> project, Func<T, string> name, Func<T, int> stateCode, Func<T, CoreServiceSettings> settings, Func<T, DateTimeOffset> created) =>
    [
        new("name", (x, y) => Ordinal(name(x), name(y))),
        new("state", (x, y) => stateCode(x).CompareTo(stateCode(y))),
        new("customer_name", (x, y) => Ordinal(project(x).Customer.Name, project(y).Customer.Name)),
        new("customer_native_name", (x, y) => Ordinal(project(x).Customer.NativeName, project(y).Customer.NativeName)),
        new("customer_abbreviation", (x, y) => Ordinal(project(x).Customer.Abbreviation, project(y).Customer.Abbreviation)),
        new("project_name", (x, y) => Ordinal(project(x).Name, project(y).Name)),
        new("service_name", (x, y) => Ordinal(settings(x).Name, settings(y).Name)),
        new("created", (x, y) => created(x).CompareTo(created(y))),
    ];

    public static ResourceTable<CoreTenant> Tenants(EmulatorDataset dataset)
    {
        var path = "/api/openstack-tenants/";
        var writer = new SchemaRowWriter<CoreTenant>(path, ResourceBlock(new RowValues<CoreTenant>(), path, t => t.Uuid, t => t.Name, t => t.Description,
                t => t.ServiceSettings, t => t.Project, t => t.State, t => t.Created, t => t.Modified, t => t.BackendId)
            .Str("resource_type", _ => "OpenStack.Tenant").Str("availability_zone", t => t.AvailabilityZone).Str("user_username", t => $"{t.Name}-admin")
            .Str("default_volume_type_name", _ => "ssd"));
        return new ResourceTable<CoreTenant>("/api/openstack-tenants", "Tenant", dataset.Core.Tenants, t => t.Id, t => t.Uuid)
        {
            Visible = (token, t) => dataset.IsVisibleTo(token, path, t),
            Filters = BaseFilters<CoreTenant>(dataset, "tenant", t => t.Project, t => t.Name, t => t.Description, t => t.ServiceSettings, t => t.State, t => t.Uuid, t => t.BackendId, emptyExternalIp: true),
            Orderings = BaseOrderings<CoreTenant>(t => t.Project, t => t.Name, t => t.StateCode, t => t.ServiceSettings, t => t.Created),
            // TenantViewSet: order_by("name").
            DefaultOrder = (x, y) => Ordinal(x.Name, y.Name),
            Json = writer.Write,
            FieldChoices = writer.Schema.Fields,
        };
    }

    public static ResourceTable<CoreInstance> Instances(EmulatorDataset dataset)
    {
        var path = "/api/openstack-instances/";
        var core = dataset.Core;
        var writer = new SchemaRowWriter<CoreInstance>(path, ResourceBlock(new RowValues<CoreInstance>(), path, i => i.Uuid, i => i.Name, i => i.Description,
                i => i.Tenant.TenantSettings, i => i.Project, i => i.State, i => i.Created, i => i.Modified, i => i.BackendId)
            .Str("resource_type", _ => "OpenStack.Instance").Time("start_time", i => i.StartTime).Int("cores", i => i.Cores).Int("ram", i => i.Ram).Int("disk", i => i.Disk)
            .Raw("external_ips", (i, _) => i.ExternalIp is null ? "[]" : $"[\"{i.ExternalIp}\"]").Raw("internal_ips", (i, _) => $"[\"{i.InternalIp}\"]")
            .Str("key_name", i => i.KeyName).Str("image_name", i => i.ImageName).Int("flavor_disk", i => i.Disk).Str("flavor_name", i => i.FlavorName)
            .Str("availability_zone_name", i => i.AvailabilityZone).Str("runtime_state", i => i.RuntimeState).Str("tenant_uuid", i => i.Tenant.Uuid)
            .Url("tenant", i => Tenant(i.Tenant))
            .Raw("volumes", (i, b) => "[" + string.Join(",", core.Volumes.Where(v => v.Instance == i).Select(v =>
                $"{{\"url\":\"{b}{Volume(v)}\",\"uuid\":\"{v.Uuid}\",\"name\":{RowValues<CoreVolume>.Js(v.Name)},\"image_name\":\"\",\"state\":\"{v.State}\",\"bootable\":{(v.Bootable ? "true" : "false")},\"size\":{v.Size.ToString(CultureInfo.InvariantCulture)},\"device\":\"{v.Device}\",\"resource_type\":\"OpenStack.Volume\",\"marketplace_resource_uuid\":null,\"type\":null,\"type_name\":\"{v.TypeName}\"}}")) + "]"));
        var filters = BaseFilters<CoreInstance>(dataset, "instance", i => i.Project, i => i.Name, i => i.Description, i => i.Tenant.TenantSettings, i => i.State, i => i.Uuid, i => i.BackendId, emptyExternalIp: false);
        filters.AddRange(
        [
            TableFilter<CoreInstance>.Url("tenant", "/api/openstack-tenants/", i => i.Tenant.Uuid, $"{OpenStack} InstanceFilter: URLFilter(tenant__uuid)"),
            TableFilter<CoreInstance>.Uuid("tenant_uuid", i => i.Tenant.Uuid, $"{OpenStack} InstanceFilter: UUIDFilter(tenant__uuid)"),
            TableFilter<CoreInstance>.Exact("runtime_state", i => i.RuntimeState, $"{OpenStack} InstanceFilter: Meta.fields (exact)"),
            TableFilter<CoreInstance>.Exact("availability_zone_name", i => i.AvailabilityZone, $"{OpenStack} InstanceFilter: CharFilter(availability_zone__name)"),
            TableFilter<CoreInstance>.Exact("external_ip", i => i.ExternalIp ?? "", $"{OpenStack} InstanceFilter: CharFilter(ports__floating_ips__address)"),
            TableFilter<CoreInstance>.Custom("attach_volume_uuid", "uuid: instances of the volume's tenant and project [availability zone rule: UNVERIFIED]", $"{OpenStack} InstanceFilter.filter_attach_volume",
                (q, _, e) => UuidParam(q, "attach_volume_uuid", e) is { } u ? i => core.Volumes.FirstOrDefault(v => v.Uuid == u) is { } v && v.Tenant == i.Tenant : null),
            TableFilter<CoreInstance>.Method("query", "name icontains OR floating/fixed IP icontains", $"{OpenStack} InstanceFilter.filter_query",
                q => i => Has(i.Name, q) || Has(i.ExternalIp, q) || Has(i.InternalIp, q)),
        ]);
        var orderings = BaseOrderings<CoreInstance>(i => i.Project, i => i.Name, i => i.StateCode, i => i.Tenant.TenantSettings, i => i.Created);
        orderings.Add(new("ip_address", (x, y) => Ordinal(x.InternalIp, y.InternalIp)));
        orderings.Add(new("external_ips", (x, y) => Ordinal(x.ExternalIp, y.ExternalIp)));
        return new ResourceTable<CoreInstance>("/api/openstack-instances", "Instance", core.Instances, i => i.Id, i => i.Uuid)
        {
            Version = () => dataset.Version,
            Visible = (token, i) => dataset.IsVisibleTo(token, path, i),
            Filters = filters,
            // [UNVERIFIED] o=start_time (documented for StartTimeFilter) is not an OrderingFilter key, so it is a 400.
            Orderings = orderings,
            // Instance.Meta.ordering = ['name', 'created'].
            DefaultOrder = (x, y) => Ordinal(x.Name, y.Name) is var c && c != 0 ? c : x.Created.CompareTo(y.Created),
            Json = writer.Write,
            FieldChoices = writer.Schema.Fields,
        };
    }

    public static ResourceTable<CoreVolume> Volumes(EmulatorDataset dataset)
    {
        var path = "/api/openstack-volumes/";
        var core = dataset.Core;
        var writer = new SchemaRowWriter<CoreVolume>(path, ResourceBlock(new RowValues<CoreVolume>(), path, v => v.Uuid, v => v.Name, v => v.Description,
                v => v.Tenant.TenantSettings, v => v.Project, v => v.State, v => v.Created, v => v.Modified, v => v.BackendId)
            .Str("resource_type", _ => "OpenStack.Volume").Int("size", v => v.Size).Bool("bootable", v => v.Bootable).Str("image_name", v => v.Instance is { } i && v.Bootable ? i.ImageName : "")
            .Str("type_name", v => v.TypeName).Str("runtime_state", v => v.RuntimeState).Str("availability_zone_name", v => v.AvailabilityZone).Str("device", v => v.Device)
            .Url("instance", v => v.Instance is { } i ? Instance(i) : null).Str("instance_name", v => v.Instance?.Name ?? "")
            .Url("tenant", v => Tenant(v.Tenant)).Str("tenant_uuid", v => v.Tenant.Uuid).Bool("extend_enabled", v => v.State == "OK"));
        var filters = BaseFilters<CoreVolume>(dataset, "volume", v => v.Project, v => v.Name, v => v.Description, v => v.Tenant.TenantSettings, v => v.State, v => v.Uuid, v => v.BackendId, emptyExternalIp: true);
        filters.AddRange(
        [
            TableFilter<CoreVolume>.Url("instance", "/api/openstack-instances/", v => v.Instance?.Uuid ?? "", $"{OpenStack} VolumeFilter: URLFilter(instance__uuid)"),
            TableFilter<CoreVolume>.Uuid("instance_uuid", v => v.Instance?.Uuid ?? "", $"{OpenStack} VolumeFilter: UUIDFilter(instance__uuid)"),
            TableFilter<CoreVolume>.Url("snapshot", "/api/openstack-snapshots/", _ => "", $"{OpenStack} VolumeFilter: URLFilter(restoration__snapshot__uuid) (no snapshots modelled)"),
            TableFilter<CoreVolume>.Uuid("snapshot_uuid", _ => "", $"{OpenStack} VolumeFilter: UUIDFilter(restoration__snapshot__uuid) (no snapshots modelled)"),
            TableFilter<CoreVolume>.Url("tenant", "/api/openstack-tenants/", v => v.Tenant.Uuid, $"{OpenStack} VolumeFilter: URLFilter(tenant__uuid)"),
            TableFilter<CoreVolume>.Uuid("tenant_uuid", v => v.Tenant.Uuid, $"{OpenStack} VolumeFilter: UUIDFilter(tenant__uuid)"),
            TableFilter<CoreVolume>.Exact("runtime_state", v => v.RuntimeState, $"{OpenStack} VolumeFilter: Meta.fields (exact)"),
            TableFilter<CoreVolume>.Exact("availability_zone_name", v => v.AvailabilityZone, $"{OpenStack} VolumeFilter: CharFilter(availability_zone__name)"),
            TableFilter<CoreVolume>.Custom("attach_instance_uuid", "uuid: volumes of that instance's tenant and project not attached to it [zone rule UNVERIFIED]", $"{OpenStack} VolumeFilter.filter_attach_instance",
                (q, _, e) => UuidParam(q, "attach_instance_uuid", e) is { } u
                    ? v => core.Instances.FirstOrDefault(i => i.Uuid == u) is { } i && v.Tenant == i.Tenant && v.Instance != i : null),
        ]);
        var orderings = BaseOrderings<CoreVolume>(v => v.Project, v => v.Name, v => v.StateCode, v => v.Tenant.TenantSettings, v => v.Created);
        orderings.Add(new("instance_name", (x, y) => Ordinal(x.Instance?.Name, y.Instance?.Name)));
        orderings.Add(new("size", (x, y) => x.Size.CompareTo(y.Size)));
        return new ResourceTable<CoreVolume>("/api/openstack-volumes", "Volume", core.Volumes, v => v.Id, v => v.Uuid)
        {
            Visible = (token, v) => dataset.IsVisibleTo(token, path, v),
            Filters = filters,
            Orderings = orderings,
            // VolumeViewSet: order_by("name").
            DefaultOrder = (x, y) => Ordinal(x.Name, y.Name),
            Json = writer.Write,
            FieldChoices = writer.Schema.Fields,
        };
    }

    public static ResourceTable<CoreInvoice> Invoices(EmulatorDataset dataset)
    {
        const string InvoiceFilter = "waldur_mastermind/invoices/filters.py InvoiceFilter";
        var writer = new SchemaRowWriter<CoreInvoice>("/api/invoices/", new RowValues<CoreInvoice>()
            .Url("url", i => $"/api/invoices/{i.Uuid}/").Str("uuid", i => i.Uuid).Int("number", i => i.Number).Url("customer", i => Customer(i.Customer))
            .Decimal("price", i => i.Price).Decimal("tax", i => i.Tax).Decimal("total", i => i.Total).Str("state", i => i.State).Int("year", i => i.Year).Int("month", i => i.Month)
            .Day("invoice_date", i => i.State is "created" or "paid" ? i.Created.AddMonths(1) : null).Day("due_date", i => i.Created.AddMonths(2))
            .Raw("customer_details", (i, _) => "{\"name\":" + RowValues<CoreInvoice>.Js(i.Customer.Name) + ",\"address\":\"\",\"country\":" + RowValues<CoreInvoice>.Js(i.Customer.Country)
                + ",\"country_name\":\"\",\"email\":" + RowValues<CoreInvoice>.Js(i.Customer.Email) + ",\"postal\":\"\",\"phone_number\":\"\",\"bank_name\":\"\",\"bank_account\":\"\"}"));
        return new ResourceTable<CoreInvoice>("/api/invoices", "Invoice", dataset.Core.Invoices, i => i.Id, i => i.Uuid)
        {
            Visible = (token, i) => dataset.IsVisibleTo(token, "/api/invoices/", i),
            Filters =
            [
                TableFilter<CoreInvoice>.Url("customer", "/api/customers/", i => i.Customer.Uuid, $"{InvoiceFilter}: URLFilter(customer__uuid)"),
                TableFilter<CoreInvoice>.Uuid("customer_uuid", i => i.Customer.Uuid, $"{InvoiceFilter}: UUIDFilter(customer__uuid)"),
                TableFilter<CoreInvoice>.Choices("state", i => i.State, [.. CoreInvoice.States], $"{InvoiceFilter}: MultipleChoiceFilter(Invoice.States)"),
                TableFilter<CoreInvoice>.Time("start_date", i => Day(i.Created), "gt", $"{InvoiceFilter}: DateFilter(created, gt)", dateOnly: true),
                TableFilter<CoreInvoice>.Time("end_date", i => Day(i.Created), "lt", $"{InvoiceFilter}: DateFilter(created, lt)", dateOnly: true),
                TableFilter<CoreInvoice>.Time("created", i => Day(i.Created), "exact", $"{InvoiceFilter}: Meta.fields created (DateField, exact)", dateOnly: true),
                TableFilter<CoreInvoice>.Number("year", i => i.Year, $"{InvoiceFilter}: Meta.fields (NumberFilter)"),
                TableFilter<CoreInvoice>.Number("month", i => i.Month, $"{InvoiceFilter}: Meta.fields (NumberFilter)"),
                TableFilter<CoreInvoice>.NoEffect("accounting_is_running", "ENABLE_ACCOUNTING_START_DATE is off", $"{Structure} CustomerAccountingStartDateFilter"),
            ],
            Orderings =
            [
                new("created", (x, y) => x.Created.CompareTo(y.Created)),
                new("year", (x, y) => x.Year.CompareTo(y.Year)),
                new("month", (x, y) => x.Month.CompareTo(y.Month)),
            ],
            // InvoiceViewSet: order_by("-year", "-month"), no tie-breaker between customers.
            DefaultOrder = (x, y) => y.Year.CompareTo(x.Year) is var c && c != 0 ? c : y.Month.CompareTo(x.Month),
            Json = writer.Write,
            FieldChoices = writer.Schema.Fields,
        };
    }

    private static DateTimeOffset Day(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static ResourceTable<CoreEvent> Events(EmulatorDataset dataset)
    {
        const string EventFilter = "waldur_core/logging/filters.py EventFilter";
        var core = dataset.Core;
        var writer = new SchemaRowWriter<CoreEvent>("/api/events/", new RowValues<CoreEvent>()
            .Str("uuid", e => e.Uuid).Time("created", e => e.Created).Str("event_type", e => e.EventType).Str("message", e => e.Message)
            .Raw("context", (e, _) => Context(e)));
        return new ResourceTable<CoreEvent>("/api/events", "Event", core.Events, e => e.Id, e => e.Uuid)
        {
            HasDetail = false,
            Visible = (token, e) => dataset.IsVisibleTo(token, "/api/events/", e),
            Filters =
            [
                TableFilter<CoreEvent>.Contains("message", e => e.Message, $"{EventFilter}: CharFilter(icontains)"),
                Timestamp("created_from", "gte", $"{EventFilter}: TimestampFilter(created, gte)"),
                Timestamp("created_to", "lt", $"{EventFilter}: TimestampFilter(created, lt)"),
                TableFilter<CoreEvent>.Custom("customer_uuid", "uuid: context customer_uuid", $"{EventFilter}.filter_customer_uuid",
                    (q, _, e) => UuidParam(q, "customer_uuid", e) is { } u ? x => x.Customer?.Uuid == u : null),
                TableFilter<CoreEvent>.Custom("project_uuid", "uuid: context project_uuid", $"{EventFilter}.filter_project_uuid",
                    (q, _, e) => UuidParam(q, "project_uuid", e) is { } u ? x => x.Project?.Uuid == u : null),
                TableFilter<CoreEvent>.Custom("user_uuid", "uuid: context user_uuid", $"{EventFilter}.filter_user_uuid",
                    (q, _, e) => UuidParam(q, "user_uuid", e) is { } u ? x => x.User?.Uuid == u : null),
                TableFilter<CoreEvent>.Loose("event_type", e => e.EventType, "waldur_core/logging/filters.py EventFilterBackend: event_type__in (repeated)"),
                TableFilter<CoreEvent>.Custom("feature", "repeated event groups (resources, projects, customers, users)", "waldur_core/logging/filters.py EventFilterBackend: feature → event types [group table UNVERIFIED]",
                    (q, _, _) => q.All("feature").Where(v => v.Length > 0).ToHashSet(StringComparer.Ordinal) is { Count: > 0 } f
                        ? e => f.Contains(e.EventType.StartsWith("marketplace_resource", StringComparison.Ordinal) ? "resources" : e.EventType.StartsWith("project", StringComparison.Ordinal) || e.EventType == "role_granted" ? "projects"
                            : e.EventType.StartsWith("customer", StringComparison.Ordinal) ? "customers" : "users") : null),
                // EventFilterBackend: non-staff callers get [] without scope; with a scope the caller cannot see → [].
                TableFilter<CoreEvent>.Custom("scope", "url of a customer, project or marketplace resource: events whose feed includes it; non-staff without scope: empty",
                    "waldur_core/logging/filters.py EventFilterBackend", (q, token, _) => Scope(dataset, q.Last("scope"), token)),
            ],
            Orderings = [new("created", (x, y) => x.Created.CompareTo(y.Created))],
            // Event.Meta.ordering = ('-created',).
            DefaultOrder = (x, y) => y.Created.CompareTo(x.Created),
            Json = writer.Write,
            FieldChoices = writer.Schema.Fields,
        };
    }

    private static TableFilter<CoreEvent> Timestamp(string name, string comparison, string source) =>
        TableFilter<CoreEvent>.Custom(name, $"Unix seconds (truncated), created {comparison}", source, (q, _, errors) =>
        {
            var text = q.Last(name)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || double.IsNaN(seconds) || double.IsInfinity(seconds))
            {
                errors.Add(new(name, "Enter a number."));
                return null;
            }

            var at = DateTimeOffset.FromUnixTimeSeconds((long)Math.Clamp(Math.Truncate(seconds), -62135596800, 253402300799));
            return comparison == "gte" ? e => e.Created >= at : e => e.Created < at;
        });

    private static Func<CoreEvent, bool>? Scope(EmulatorDataset dataset, string? scope, string token)
    {
        var caller = dataset.CallerOf(token);
        if (string.IsNullOrWhiteSpace(scope))
        {
            return caller.IsStaff ? null : _ => false;
        }

        var path = Uri.TryCreate(scope, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : scope;
        var parts = path.Trim('/').Split('/');
        var uuid = parts.Length == 3 ? UuidLookup.Normalize(parts[2]) : null;
        var core = dataset.Core;
        object? target = (parts.Length == 3 ? parts[1] : "") switch
        {
            "customers" => core.Customers.FirstOrDefault(c => c.Uuid == uuid),
            "projects" => core.Projects.FirstOrDefault(p => p.Uuid == uuid),
            "marketplace-resources" => core.Resources.FirstOrDefault(r => r.Uuid == uuid),
            _ => null,
        };
        if (target is null || !dataset.IsVisibleTo(token, target))
        {
            return _ => false;
        }

        return target switch
        {
            CoreCustomer c => e => e.Customer == c,
            CoreProject p => e => e.Project == p,
            CoreResource r => e => e.Resource == r,
            _ => _ => false,
        };
    }

    private static string Context(CoreEvent e)
    {
        var parts = new List<string>();
        if (e.Customer is { } c)
        {
            parts.Add($"\"customer_uuid\":\"{c.Uuid}\",\"customer_name\":{RowValues<CoreEvent>.Js(c.Name)}");
        }

        if (e.Project is { } p)
        {
            parts.Add($"\"project_uuid\":\"{p.Uuid}\",\"project_name\":{RowValues<CoreEvent>.Js(p.Name)}");
        }

        if (e.Resource is { } r)
        {
            parts.Add($"\"resource_uuid\":\"{r.Uuid}\",\"resource_name\":{RowValues<CoreEvent>.Js(r.Name)},\"resource_type\":{RowValues<CoreEvent>.Js(r.Offering.Type)}");
        }

        if (e.User is { } u)
        {
            parts.Add($"\"user_uuid\":\"{u.Uuid}\",\"user_username\":{RowValues<CoreEvent>.Js(u.Username)},\"user_full_name\":{RowValues<CoreEvent>.Js(u.FullName)}");
        }

        return "{" + string.Join(",", parts) + "}";
    }
}
