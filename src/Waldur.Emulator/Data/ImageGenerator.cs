using System.Globalization;

namespace Waldur.Emulator.Data;

/// <summary>
/// Deterministic, realistic data. Regions and images draw from separate seeded streams and every image depends only on
/// the images before it, so a larger <c>ImageCount</c> extends a smaller data set instead of reshuffling it.
/// </summary>
internal static class ImageGenerator
{
    private static readonly DateTimeOffset Epoch = new(2019, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const int SpanSeconds = 6 * 365 * 24 * 3600;

    public static EmulatorRegion[] Regions(int count, int seed)
    {
        var random = new Random(unchecked(seed * 31 + 7));
        var regions = new EmulatorRegion[count];
        for (var i = 0; i < count; i++)
        {
            regions[i] = new EmulatorRegion(i + 1, SeededValues.NewUuid(random), RegionName(i));
        }

        return regions;
    }

    private static string RegionName(int index)
    {
        if (index < ImageCatalog.Regions.Length)
        {
            return ImageCatalog.Regions[index];
        }

        var extra = index - ImageCatalog.Regions.Length;
        var cities = ImageCatalog.RegionCities;
        return $"{cities[extra % cities.Length]} {4 + (extra / cities.Length)}";
    }

    public static EmulatorImage[] Images(int count, int seed, EmulatorRegion[] regions)
    {
        var random = new Random(seed);
        var images = new EmulatorImage[count];
        for (var i = 0; i < count; i++)
        {
            images[i] = NextImage(i + 1, random, regions);
        }

        return images;
    }

    private static EmulatorImage NextImage(int id, Random random, EmulatorRegion[] regions)
    {
        var uuid = SeededValues.NewUuid(random);
        var roll = random.NextDouble();
        string distribution, type, name;
        string? slug = null;
        int diskGb;
        if (roll < 0.30)
        {
            var official = ImageCatalog.Official[random.Next(ImageCatalog.Official.Length)];
            (distribution, name, slug, diskGb) = official;
            type = random.NextDouble() < 0.8 ? "snapshot" : "base";
        }
        else if (roll < 0.90)
        {
            distribution = SeededValues.Pick(random, ImageCatalog.PrivateDistributions);
            var host = $"{SeededValues.Pick(random, ImageCatalog.Hosts)}-{random.Next(1, 13):00}";
            var day = Epoch.AddDays(random.Next(0, 6 * 365)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var backup = roll >= 0.72;
            type = backup ? "backup" : "snapshot";
            var prefix = distribution == "Unknown" ? "" : distribution + " ";
            name = backup ? $"{prefix}{host} {day} backup" : $"{prefix}{host} {day}";
            diskGb = SeededValues.Pick(random, ImageCatalog.SnapshotDiskGb);
        }
        else
        {
            distribution = random.NextDouble() < 0.6 ? "Unknown" : SeededValues.Pick(random, ImageCatalog.PrivateDistributions);
            name = SeededValues.Pick(random, ImageCatalog.CustomNames);
            type = "custom";
            diskGb = SeededValues.Pick(random, ImageCatalog.SnapshotDiskGb);
        }

        var createdAt = CreatedAt(random);
        var diskRoll = random.NextDouble();
        int? minDisk = diskRoll < 0.04 ? null : diskRoll < 0.09 ? 0 : diskGb * 1024;
        return new EmulatorImage(id, uuid, name, distribution, type, RegionSubset(random, regions, slug is not null),
            slug, createdAt, minDisk);
    }

    private static DateTimeOffset? CreatedAt(Random random)
    {
        var roll = random.NextDouble();
        var at = Epoch.AddSeconds(random.Next(0, SpanSeconds));
        if (roll < 0.04)
        {
            return null;
        }

        // Waldur keeps microseconds when they are non-zero (U7); a few rows show that form.
        return roll < 0.14 ? at.AddTicks(random.Next(1, 1_000_000) * 10L) : at;
    }

    private static EmulatorRegion[] RegionSubset(Random random, EmulatorRegion[] regions, bool official)
    {
        if (regions.Length == 0 || random.NextDouble() < 0.08)
        {
            return [];
        }

        var want = official
            ? Math.Max(1, (int)Math.Ceiling(regions.Length * (0.6 + (0.4 * random.NextDouble()))))
            : random.Next(1, Math.Min(3, regions.Length) + 1);
        var chosen = new List<EmulatorRegion>(regions);
        while (chosen.Count > want)
        {
            chosen.RemoveAt(random.Next(chosen.Count));
        }

        chosen.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return [.. chosen];
    }
}
