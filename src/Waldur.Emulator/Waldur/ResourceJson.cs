using System.Globalization;
using System.Text;
using Waldur.Emulator.Data;

namespace Waldur.Emulator.Waldur;

/// <summary>Serialises images (U4) and regions (U5) with Waldur's key order and absolute urls under <c>baseUrl</c> (U6).</summary>
internal static class ResourceJson
{
    public const string ImagesPath = "/api/digitalocean-images/";
    public const string RegionsPath = "/api/digitalocean-regions/";
    public const string SizesPath = "/api/digitalocean-sizes/";
    public const string DropletsPath = "/api/digitalocean-droplets/";

    public static string Region(EmulatorRegion region, string baseUrl) =>
        AppendRegion(new StringBuilder(160), region, baseUrl).ToString();

    public static string Image(EmulatorImage image, string baseUrl)
    {
        var b = new StringBuilder(512);
        b.Append("{\"url\":").AppendString(baseUrl + ImagesPath + image.Uuid + "/");
        b.Append(",\"uuid\":").AppendString(image.Uuid);
        b.Append(",\"name\":").AppendString(image.Name);
        b.Append(",\"distribution\":").AppendString(image.Distribution);
        b.Append(",\"type\":").AppendString(image.Type);
        b.Append(",\"regions\":[");
        for (var i = 0; i < image.Regions.Count; i++)
        {
            if (i > 0)
            {
                b.Append(',');
            }

            AppendRegion(b, image.Regions[i], baseUrl);
        }

        b.Append("],\"is_official\":").Append(image.IsOfficial ? "true" : "false");
        b.Append(",\"created_at\":");
        if (image.CreatedAt is { } at)
        {
            b.AppendString(FormatDateTime(at));
        }
        else
        {
            b.Append("null");
        }

        b.Append(",\"min_disk_size\":");
        b.Append(image.MinDiskSize is { } size ? size.ToString(CultureInfo.InvariantCulture) : "null");
        return b.Append('}').ToString();
    }

    /// <summary>Waldur's <c>SizeSerializer</c>: url, uuid, name, cores, ram, disk, transfer, regions (nested, full).</summary>
    public static string Size(EmulatorSize size, string baseUrl)
    {
        var b = new StringBuilder(1024);
        b.Append("{\"url\":").AppendString(baseUrl + SizesPath + size.Uuid + "/");
        b.Append(",\"uuid\":").AppendString(size.Uuid);
        b.Append(",\"name\":").AppendString(size.Name);
        b.Append(",\"cores\":").Append(size.Cores.ToString(CultureInfo.InvariantCulture));
        b.Append(",\"ram\":").Append(size.Ram.ToString(CultureInfo.InvariantCulture));
        b.Append(",\"disk\":").Append(size.Disk.ToString(CultureInfo.InvariantCulture));
        b.Append(",\"transfer\":").Append(size.Transfer.ToString(CultureInfo.InvariantCulture));
        b.Append(",\"regions\":[");
        for (var i = 0; i < size.Regions.Count; i++)
        {
            if (i > 0)
            {
                b.Append(',');
            }

            AppendRegion(b, size.Regions[i], baseUrl);
        }

        return b.Append("]}").ToString();
    }

    /// <summary>The keys of <c>DigitalOceanDroplet</c> in the serializer's order (<c>DropletSerializer</c> over
    /// <c>VirtualMachineSerializer</c> over <c>BaseResourceSerializer</c>, as the 8.0.5 schema lists them).</summary>
    public static readonly IReadOnlyList<string> DropletKeys =
    [
        "url", "uuid", "name", "description", "service_name", "service_settings", "service_settings_uuid",
        "service_settings_state", "service_settings_error_message", "project", "project_name", "project_uuid", "customer",
        "customer_uuid", "customer_name", "customer_native_name", "customer_abbreviation", "error_message", "error_traceback",
        "resource_type", "state", "created", "modified", "backend_id", "access_url", "start_time", "cores", "ram", "disk",
        "min_ram", "min_disk", "user_data", "external_ips", "internal_ips", "latitude", "longitude", "key_name",
        "key_fingerprint", "image_name", "runtime_state", "region_name", "marketplace_offering_uuid",
        "marketplace_offering_name", "marketplace_offering_plugin_options", "marketplace_category_uuid",
        "marketplace_category_name", "marketplace_resource_uuid", "marketplace_plan_uuid", "marketplace_resource_state",
        "is_usage_based", "is_limit_based",
    ];

    /// <summary>A droplet with every key of <see cref="DropletKeys"/>, or only those in <paramref name="fields"/>
    /// (Waldur's <c>RestrictedSerializerMixin</c>), always in serializer order.</summary>
    public static string Droplet(EmulatorDroplet d, string baseUrl, IReadOnlySet<string>? fields)
    {
        var m = d.Marketplace;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["url"] = Str(baseUrl + DropletsPath + d.Uuid + "/"),
            ["uuid"] = Str(d.Uuid),
            ["name"] = Str(d.Name),
            ["description"] = Str(d.Description),
            ["service_name"] = Str(d.ServiceSettings.Name),
            ["service_settings"] = Str(baseUrl + "/api/service-settings/" + d.ServiceSettings.Uuid + "/"),
            ["service_settings_uuid"] = Str(d.ServiceSettings.Uuid),
            ["service_settings_state"] = Str(d.ServiceSettings.State),
            ["service_settings_error_message"] = Str(""),
            ["project"] = Str(baseUrl + "/api/projects/" + d.Project.Uuid + "/"),
            ["project_name"] = Str(d.Project.Name),
            ["project_uuid"] = Str(d.Project.Uuid),
            ["customer"] = Str(baseUrl + "/api/customers/" + d.Project.Customer.Uuid + "/"),
            ["customer_uuid"] = Str(d.Project.Customer.Uuid),
            ["customer_name"] = Str(d.Project.Customer.Name),
            ["customer_native_name"] = Str(d.Project.Customer.NativeName),
            ["customer_abbreviation"] = Str(d.Project.Customer.Abbreviation),
            ["error_message"] = Str(d.ErrorMessage),
            ["error_traceback"] = Str(d.ErrorTraceback),
            ["resource_type"] = Str("DigitalOcean.Droplet"),
            ["state"] = Str(d.State),
            ["created"] = Str(FormatDateTime(d.Created)),
            ["modified"] = Str(FormatDateTime(d.Modified)),
            ["backend_id"] = Str(d.BackendId),
            ["access_url"] = "null",
            ["start_time"] = d.StartTime is { } start ? Str(FormatDateTime(start)) : "null",
            ["cores"] = Int(d.Cores),
            ["ram"] = Int(d.Ram),
            ["disk"] = Int(d.Disk),
            ["min_ram"] = "0",
            ["min_disk"] = "0",
            ["user_data"] = Str(d.UserData),
            ["external_ips"] = "[" + Str(d.IpAddress) + "]",
            ["internal_ips"] = "[]",
            ["latitude"] = "null",
            ["longitude"] = "null",
            ["key_name"] = Str(d.KeyName),
            ["key_fingerprint"] = Str(d.KeyFingerprint),
            ["image_name"] = Str(d.ImageName),
            ["runtime_state"] = Str(d.RuntimeState),
            ["region_name"] = Str(d.RegionName),
            ["marketplace_offering_uuid"] = m is null ? "null" : Str(d.ServiceSettings.OfferingUuid),
            ["marketplace_offering_name"] = m is null ? "null" : Str(d.ServiceSettings.OfferingName),
            ["marketplace_offering_plugin_options"] = m is null ? "null" : "{}",
            ["marketplace_category_uuid"] = m is null ? "null" : Str(m.CategoryUuid),
            ["marketplace_category_name"] = m is null ? "null" : Str(m.CategoryName),
            ["marketplace_resource_uuid"] = m is null ? "null" : Str(m.ResourceUuid),
            ["marketplace_plan_uuid"] = m is null ? "null" : Str(d.ServiceSettings.PlanUuid),
            ["marketplace_resource_state"] = m is null ? "null" : Str(m.ResourceState),
            ["is_usage_based"] = m is null ? "null" : "false",
            ["is_limit_based"] = m is null ? "null" : "false",
        };
        var b = new StringBuilder(3072).Append('{');
        foreach (var key in DropletKeys)
        {
            if (fields is not null && !fields.Contains(key))
            {
                continue;
            }

            if (b.Length > 1)
            {
                b.Append(',');
            }

            b.AppendString(key).Append(':').Append(values[key]);
        }

        return b.Append('}').ToString();
    }

    private static string Str(string value) => new StringBuilder(value.Length + 2).AppendString(value).ToString();

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>DRF's <c>isoformat()</c> with <c>+00:00</c> written as <c>Z</c>; microseconds only when non-zero (U7).</summary>
    public static string FormatDateTime(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        var micro = (utc.Ticks % TimeSpan.TicksPerSecond) / 10;
        var text = utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        return micro == 0 ? text + "Z" : text + "." + micro.ToString("000000", CultureInfo.InvariantCulture) + "Z";
    }

    private static StringBuilder AppendRegion(StringBuilder b, EmulatorRegion region, string baseUrl) =>
        b.Append("{\"url\":").AppendString(baseUrl + RegionsPath + region.Uuid + "/")
            .Append(",\"uuid\":").AppendString(region.Uuid)
            .Append(",\"name\":").AppendString(region.Name)
            .Append('}');
}
