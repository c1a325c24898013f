using System.Globalization;
using System.Text;
using Waldur.Emulator.Data;

namespace Waldur.Emulator.Tests;

/// <summary>Expected Waldur JSON built from the data set's records, written independently of the emulator's serializer.</summary>
public static class Expected
{
    public static string Image(EmulatorImage image, string baseUrl)
    {
        var regions = string.Join(",", image.Regions.Select(r => Region(r, baseUrl)));
        var createdAt = image.CreatedAt is { } at ? Quote(DateTime(at)) : "null";
        var disk = image.MinDiskSize?.ToString(CultureInfo.InvariantCulture) ?? "null";
        return $"{{\"url\":{Quote($"{baseUrl}/api/digitalocean-images/{image.Uuid}/")},\"uuid\":{Quote(image.Uuid)},"
            + $"\"name\":{Quote(image.Name)},\"distribution\":{Quote(image.Distribution)},\"type\":{Quote(image.Type)},"
            + $"\"regions\":[{regions}],\"is_official\":{(image.IsOfficial ? "true" : "false")},"
            + $"\"created_at\":{createdAt},\"min_disk_size\":{disk}}}";
    }

    public static string Region(EmulatorRegion region, string baseUrl) =>
        $"{{\"url\":{Quote($"{baseUrl}/api/digitalocean-regions/{region.Uuid}/")},\"uuid\":{Quote(region.Uuid)},\"name\":{Quote(region.Name)}}}";

    public static string DateTime(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        var whole = utc.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        return utc.Ticks % TimeSpan.TicksPerSecond == 0 ? whole + "Z" : whole + utc.ToString(".ffffff", CultureInfo.InvariantCulture) + "Z";
    }

    private static string Quote(string text)
    {
        var b = new StringBuilder("\"");
        foreach (var c in text)
        {
            b.Append(c switch { '"' => "\\\"", '\\' => "\\\\", _ => c.ToString() });
        }

        return b.Append('"').ToString();
    }

    public static string[] Uuids(string json) =>
        [.. JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => e.GetProperty("uuid").GetString()!)];
}
