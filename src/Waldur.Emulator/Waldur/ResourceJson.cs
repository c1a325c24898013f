using System.Globalization;
using System.Text;
using Waldur.Emulator.Data;

namespace Waldur.Emulator.Waldur;

/// <summary>Serialises images (U4) and regions (U5) with Waldur's key order and absolute urls under <c>baseUrl</c> (U6).</summary>
internal static class ResourceJson
{
    public const string ImagesPath = "/api/digitalocean-images/";
    public const string RegionsPath = "/api/digitalocean-regions/";

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

    public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);
}
