using Waldur.Emulator.Data;

namespace Waldur.Emulator.Waldur.Resources;

/// <summary>
/// <c>/api/digitalocean-droplets/</c>: the read side of Waldur's <c>DropletViewSet</c> (<c>structure_views.ResourceViewSet</c>,
/// filter backends <c>GenericRoleFilter</c> + <c>DjangoFilterBackend</c>). Every emulator token sees every droplet, as a
/// Waldur staff user does. Writes (create, delete, start/stop/restart/resize) are <c>Writes/DropletWrites.cs</c>.
/// </summary>
internal static class DigitalOceanDroplets
{
    private const string Base = "waldur_core/structure/filters.py BaseResourceFilter";
    private const string Droplet = "waldur_digitalocean/filters.py DropletFilter(BaseResourceFilter)";

    /// <summary><c>DigitalOceanDropletFieldEnum</c>: every serializer field, write-only ones (image, region, size,
    /// ssh_public_key) included; asking only for those renders <c>{}</c>, as Waldur does.</summary>
    public static readonly IReadOnlyList<string> FieldChoices =
    [
        .. ResourceJson.DropletKeys, "image", "region", "size", "ssh_public_key",
    ];

    public static ResourceTable<EmulatorDroplet> Table(EmulatorDataset dataset) =>
        new("/api/digitalocean-droplets", "Droplet", dataset.Droplets, d => d.Id, d => d.Uuid)
        {
            LiveRows = () => dataset.Droplets,
            Version = () => dataset.Version,
            // Filter set field order (the order of 400 messages): BaseResourceFilter.Meta.fields, then the declared filters
            // not in it (can_manage, then DropletFilter's external_ip), then "o" (added in BaseResourceFilter.__init__).
            Filters =
            [
                TableFilter<EmulatorDroplet>.Uuid("customer", d => d.Project.Customer.Uuid, $"{Base}: UUIDFilter(field_name=\"project__customer__uuid\")"),
                TableFilter<EmulatorDroplet>.Uuid("customer_uuid", d => d.Project.Customer.Uuid, $"{Base}: UUIDFilter(field_name=\"project__customer__uuid\")"),
                TableFilter<EmulatorDroplet>.Contains("customer_name", d => d.Project.Customer.Name, $"{Base}: CharFilter(project__customer__name, icontains)"),
                TableFilter<EmulatorDroplet>.Contains("customer_native_name", d => d.Project.Customer.NativeName, $"{Base}: CharFilter(project__customer__native_name, icontains)"),
                TableFilter<EmulatorDroplet>.Contains("customer_abbreviation", d => d.Project.Customer.Abbreviation, $"{Base}: CharFilter(project__customer__abbreviation, icontains)"),
                TableFilter<EmulatorDroplet>.Uuid("project", d => d.Project.Uuid, $"{Base}: UUIDFilter(field_name=\"project__uuid\")"),
                TableFilter<EmulatorDroplet>.Uuid("project_uuid", d => d.Project.Uuid, $"{Base}: UUIDFilter(field_name=\"project__uuid\")"),
                TableFilter<EmulatorDroplet>.Contains("project_name", d => d.Project.Name, $"{Base}: CharFilter(project__name, icontains)"),
                TableFilter<EmulatorDroplet>.Contains("service_settings_name", d => d.ServiceSettings.Name, $"{Base}: CharFilter(service_settings__name, icontains)"),
                TableFilter<EmulatorDroplet>.Uuid("service_settings_uuid", d => d.ServiceSettings.Uuid, $"{Base}: UUIDFilter(field_name=\"service_settings__uuid\")"),
                TableFilter<EmulatorDroplet>.Contains("name", d => d.Name, $"{Base} via NameFilterSet: CharFilter(lookup_expr=\"icontains\")"),
                TableFilter<EmulatorDroplet>.Exact("name_exact", d => d.Name, $"{Base} via NameFilterSet: CharFilter(field_name=\"name\", lookup_expr=\"exact\")"),
                TableFilter<EmulatorDroplet>.Contains("description", d => d.Description, $"{Base}: CharFilter(lookup_expr=\"icontains\")"),
                TableFilter<EmulatorDroplet>.Choices("state", d => d.State, [.. EmulatorDroplet.StateCodes.Keys],
                    $"{Base}: core_filters.MappedMultipleChoiceFilter(CoreStates.CHOICES) (waldur_core/core/filters.py, waldur_core/core/enums.py CoreStates)"),
                TableFilter<EmulatorDroplet>.Uuid("uuid", d => d.Uuid, $"{Base}: UUIDFilter(lookup_expr=\"exact\")"),
                TableFilter<EmulatorDroplet>.Exact("backend_id", d => d.BackendId, $"{Base}: CharFilter(field_name=\"backend_id\", lookup_expr=\"exact\")"),
                TableFilter<EmulatorDroplet>.NoEffect("can_manage", "emulator tokens act as staff, whom filter_can_manage returns unfiltered",
                    $"{Base}: BooleanFilter(method=\"filter_can_manage\")"),
                // [UNVERIFIED] On PostgreSQL ip_address is an inet column: a value that is not an address probably fails the
                // cast (a 500) in Waldur; the emulator just matches nothing.
                TableFilter<EmulatorDroplet>.Exact("external_ip", d => d.IpAddress,
                    $"{Droplet}: CharFilter(field_name=\"ip_address\") (exact; overrides BaseResourceFilter's EmptyFilter)"),
            ],
            // BaseResourceFilter.ORDERING_FIELDS (an OrderingFilter added in __init__, so the OpenAPI schema does not list o).
            Orderings =
            [
                new("name", (x, y) => string.CompareOrdinal(x.Name, y.Name)),
                new("state", (x, y) => x.StateCode.CompareTo(y.StateCode)),
                new("customer_name", (x, y) => string.CompareOrdinal(x.Project.Customer.Name, y.Project.Customer.Name)),
                new("customer_native_name", (x, y) => string.CompareOrdinal(x.Project.Customer.NativeName, y.Project.Customer.NativeName)),
                new("customer_abbreviation", (x, y) => string.CompareOrdinal(x.Project.Customer.Abbreviation, y.Project.Customer.Abbreviation)),
                new("project_name", (x, y) => string.CompareOrdinal(x.Project.Name, y.Project.Name)),
                new("service_name", (x, y) => string.CompareOrdinal(x.ServiceSettings.Name, y.ServiceSettings.Name)),
                new("created", (x, y) => x.Created.CompareTo(y.Created)),
            ],
            // waldur_digitalocean/views.py DropletViewSet: Droplet.objects.all().order_by("name").
            DefaultOrder = (x, y) => string.CompareOrdinal(x.Name, y.Name),
            Json = ResourceJson.Droplet,
            FieldChoices = FieldChoices,
        };
}
