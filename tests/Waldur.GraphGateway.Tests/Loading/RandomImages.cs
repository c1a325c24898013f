namespace Waldur.GraphGateway.Tests.Loading;

/// <summary>Random images with many repeated names, distributions and types, so ties are everywhere.</summary>
internal static class RandomImages
{
    public static readonly string[] Names = ["Ubuntu 22.04 (LTS) x64", "ubuntu web-01", "Debian 12 x64", "Fedora 39 x64", "alpha", "Alpha", " padded", ""];
    public static readonly string[] Distributions = ["Ubuntu", "Debian", "Fedora", "Unknown"];
    public static readonly string[] Types = ["base", "snapshot", "backup", "custom"];
    public static readonly TestRegion[] Regions =
        [.. Enumerable.Range(0, 5).Select(i => new TestRegion($"http://h/r/{i}/", $"r{i:x31}", $"Region {i}"))];

    public static List<TestImage> Create(Random random, int count, int nameVariety = 8) =>
        [.. Enumerable.Range(0, count).Select(i => new TestImage(
            $"http://h/api/digitalocean-images/{i}/",
            RandomHex(random),
            Names[random.Next(Math.Min(nameVariety, Names.Length))] + (random.Next(3) == 0 ? $" {random.Next(5)}" : ""),
            Distributions[random.Next(Distributions.Length)],
            Types[random.Next(Types.Length)],
            [.. Regions.Where(_ => random.Next(3) == 0)],
            random.Next(2) == 0,
            random.Next(10) == 0 ? null : new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(random.Next(0, 100)),
            random.Next(10) == 0 ? null : random.Next(0, 5) * 10240L))];

    private static string RandomHex(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
