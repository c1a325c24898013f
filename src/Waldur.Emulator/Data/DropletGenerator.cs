using System.Globalization;

namespace Waldur.Emulator.Data;

/// <summary>
/// Deterministic sizes and droplets. Each draws from its own seeded stream (images and regions are untouched), and every
/// droplet depends only on the droplets before it, so a larger <c>DropletCount</c> extends a smaller data set.
/// </summary>
internal static class DropletGenerator
{
    private static readonly DateTimeOffset Epoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>DigitalOcean's size slugs: (slug, vCPUs, memory MiB, disk GB, transfer TB, hourly price USD).</summary>
    private static readonly (string Slug, int Cores, int RamMiB, int DiskGb, double TransferTb, decimal Price)[] SizeCatalog =
    [
        ("s-1vcpu-512mb-10gb", 1, 512, 10, 0.5, 0.00595m),
        ("s-1vcpu-1gb", 1, 1024, 25, 1, 0.00893m),
        ("s-1vcpu-1gb-amd", 1, 1024, 25, 1, 0.01042m),
        ("s-1vcpu-2gb", 1, 2048, 50, 2, 0.01786m),
        ("s-2vcpu-2gb", 2, 2048, 60, 3, 0.02679m),
        ("s-2vcpu-4gb", 2, 4096, 80, 4, 0.03571m),
        ("s-2vcpu-4gb-intel", 2, 4096, 80, 4, 0.04167m),
        ("s-4vcpu-8gb", 4, 8192, 160, 5, 0.07143m),
        ("s-4vcpu-16gb-amd", 4, 16384, 200, 8, 0.12500m),
        ("s-8vcpu-16gb", 8, 16384, 320, 6, 0.14286m),
        ("s-8vcpu-32gb-640gb-intel", 8, 32768, 640, 9, 0.28571m),
        ("c-2", 2, 4096, 25, 4, 0.06250m),
        ("c-4", 4, 8192, 50, 5, 0.12500m),
        ("c-8", 8, 16384, 100, 6, 0.25000m),
        ("g-2vcpu-8gb", 2, 8192, 25, 4, 0.09375m),
        ("gd-2vcpu-8gb", 2, 8192, 50, 4, 0.10119m),
        ("m-2vcpu-16gb", 2, 16384, 50, 4, 0.12500m),
        ("m-4vcpu-32gb", 4, 32768, 100, 5, 0.25000m),
        ("so-2vcpu-16gb", 2, 16384, 300, 4, 0.19345m),
        ("s-16vcpu-64gb", 16, 65536, 1280, 10, 0.57143m),
    ];

    private static readonly (string Name, string NativeName, string Abbreviation)[] CustomerCatalog =
    [
        ("Acme Corporation", "Acme Corporation OÜ", "ACME"),
        ("University of Tartu", "Tartu Ülikool", "UT"),
        ("Northwind Analytics", "Northwind Analytics AS", "NWA"),
        ("Blue Harbor Labs", "", "BHL"),
    ];

    private static readonly string[][] ProjectCatalog =
    [
        ["Web platform", "Staging", "CI runners"],
        ["Research cluster", "Student labs"],
        ["Data pipeline", "Dashboards"],
        ["Prototype"],
    ];

    private static readonly string[] Hosts =
        ["web", "db", "api", "cache", "worker", "mail", "ci", "vpn", "k8s-node", "gitlab", "proxy", "monitor", "lb", "etl"];

    private static readonly string[] Descriptions =
        ["", "", "", "", "Production web frontend", "Nightly batch jobs", "Do not delete: used by billing",
         "Temporary test machine", "Managed by Terraform"];

    private static readonly string[] KeyNames = ["alice@laptop", "bob@workstation", "ci-deploy", "ops-team"];

    private static readonly string[] Errors =
    [
        "DigitalOcean API error: You specified an invalid size for Droplet creation.",
        "DigitalOcean API error: Droplet limit reached for this account.",
        "DigitalOcean API error: Server was unable to give you a response.",
    ];

    public static EmulatorSize[] Sizes(int seed, EmulatorRegion[] regions)
    {
        var random = new Random(unchecked((seed * 31) + 11));
        var sizes = new EmulatorSize[SizeCatalog.Length];
        for (var i = 0; i < sizes.Length; i++)
        {
            var (slug, cores, ram, diskGb, transferTb, price) = SizeCatalog[i];
            var uuid = SeededValues.NewUuid(random);
            // Most sizes are offered everywhere; some (memory/storage optimised) only in a subset of regions.
            var everywhere = random.NextDouble() < 0.6;
            var chosen = regions.Where(_ => everywhere || random.NextDouble() < 0.6).ToList();
            if (chosen.Count == 0 && regions.Length > 0)
            {
                chosen.Add(regions[random.Next(regions.Length)]);
            }

            chosen.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            sizes[i] = new EmulatorSize(i + 1, uuid, slug, cores, ram, diskGb * 1024, (int)(transferTb * 1024 * 1024), price, [.. chosen]);
        }

        return sizes;
    }

    public static EmulatorDroplet[] Droplets(int count, int seed, EmulatorSize[] sizes, EmulatorImage[] images, EmulatorRegion[] regions)
    {
        if (count == 0 || sizes.Length == 0 || images.Length == 0 || regions.Length == 0)
        {
            return [];
        }

        var random = new Random(unchecked((seed * 31) + 13));
        var projects = Projects(random);
        var settings = new[]
        {
            new EmulatorServiceSettings(SeededValues.NewUuid(random), "DigitalOcean", "OK", SeededValues.NewUuid(random), "DigitalOcean droplets", SeededValues.NewUuid(random)),
            new EmulatorServiceSettings(SeededValues.NewUuid(random), "DigitalOcean (Acme account)", "OK", SeededValues.NewUuid(random), "Acme DigitalOcean", SeededValues.NewUuid(random)),
        };
        var categoryUuid = SeededValues.NewUuid(random);
        var droplets = new EmulatorDroplet[count];
        for (var i = 0; i < count; i++)
        {
            droplets[i] = NextDroplet(i + 1, random, projects, settings, categoryUuid, sizes, images, regions);
        }

        return droplets;
    }

    private static EmulatorProject[] Projects(Random random)
    {
        var projects = new List<EmulatorProject>();
        foreach (var (customer, index) in CustomerCatalog.Select((c, i) => (c, i)))
        {
            var owner = new EmulatorCustomer(SeededValues.NewUuid(random), customer.Name, customer.NativeName, customer.Abbreviation);
            projects.AddRange(ProjectCatalog[index].Select(name => new EmulatorProject(SeededValues.NewUuid(random), name, owner)));
        }

        return [.. projects];
    }

    private static EmulatorDroplet NextDroplet(
        int id, Random random, EmulatorProject[] projects, EmulatorServiceSettings[] settings, string categoryUuid,
        EmulatorSize[] sizes, EmulatorImage[] images, EmulatorRegion[] regions)
    {
        var uuid = SeededValues.NewUuid(random);
        var project = projects[Math.Min(projects.Length - 1, (int)(projects.Length * random.NextDouble() * random.NextDouble() * 1.6))];
        var serviceSettings = project.Customer.Abbreviation == "ACME" && random.NextDouble() < 0.7 ? settings[1] : settings[0];
        var name = $"{Hosts[random.Next(Hosts.Length)]}-{random.Next(1, 21):00}";
        if (random.NextDouble() < 0.3)
        {
            name += "." + project.Name.ToLowerInvariant().Replace(' ', '-');
        }

        // Official images with regions are what droplets are usually made from; snapshots now and then.
        var candidates = images.Where(i => i.Regions.Count > 0 && (i.IsOfficial || random.NextDouble() < 0.15)).ToArray();
        var image = candidates.Length > 0 ? candidates[random.Next(candidates.Length)] : images[random.Next(images.Length)];
        var fitting = sizes.Where(s => image.MinDiskSize is not { } min || s.Disk >= min).ToArray();
        var size = fitting.Length > 0 ? fitting[random.Next(fitting.Length)] : sizes[^1];
        var shared = image.Regions.Where(r => size.Regions.Contains(r)).ToArray();
        var region = shared.Length > 0 ? shared[random.Next(shared.Length)]
            : size.Regions.Count > 0 ? size.Regions[random.Next(size.Regions.Count)]
            : regions[random.Next(regions.Length)];

        var state = State(random.NextDouble());
        var created = Epoch.AddSeconds(random.Next(0, 4 * 365 * 24 * 3600)).AddTicks(random.Next(0, 1_000_000) * 10L);
        var modified = created.AddSeconds(random.Next(60, 200 * 24 * 3600)).AddTicks(random.Next(0, 1_000_000) * 10L);
        var runtime = state switch
        {
            "OK" => random.NextDouble() switch { < 0.75 => "online", < 0.95 => "offline", _ => "archive" },
            "CREATING" => "provisioning",
            "CREATION_SCHEDULED" => "",
            "ERRED" => "error",
            _ => "online",
        };
        DateTimeOffset? startTime = runtime == "online" ? created.AddSeconds(random.Next(30, 600)) : null;
        var scheduled = state == "CREATION_SCHEDULED";
        var backendId = scheduled ? "" : random.Next(100_000_000, 450_000_000).ToString(CultureInfo.InvariantCulture);
        var ip = $"{SeededValues.Pick(random, [104, 138, 139, 142, 143, 146, 159, 161, 164, 165, 167, 188, 206])}.{random.Next(0, 256)}.{random.Next(0, 256)}.{random.Next(1, 255)}";
        var hasKey = random.NextDouble() < 0.7;
        var keyName = hasKey ? SeededValues.Pick(random, KeyNames) : "";
        var fingerprint = hasKey ? Fingerprint(random) : "";
        var erred = state == "ERRED";
        var error = erred ? SeededValues.Pick(random, Errors) : "";
        var traceback = erred && random.NextDouble() < 0.5
            ? "Traceback (most recent call last):\n  File \"waldur_digitalocean/backend.py\", line 412, in create_droplet\n"
              + "digitalocean.DataReadError: " + error["DigitalOcean API error: ".Length..] + "\n"
            : "";
        var userData = random.NextDouble() < 0.2 ? "#cloud-config\npackages:\n  - nginx\nruncmd:\n  - [systemctl, enable, --now, nginx]\n" : "";
        EmulatorMarketplaceLink? marketplace = random.NextDouble() < 0.85
            ? new EmulatorMarketplaceLink(SeededValues.NewUuid(random), MarketplaceState(state), categoryUuid, "Virtual machines")
            : null;
        return new EmulatorDroplet(
            id, uuid, name, SeededValues.Pick(random, Descriptions), serviceSettings, project, state, error, traceback, created, modified,
            backendId, startTime, size, image, region, userData, ip, keyName, fingerprint, runtime, marketplace);
    }

    private static string State(double roll) => roll switch
    {
        < 0.80 => "OK",
        < 0.86 => "ERRED",
        < 0.90 => "CREATING",
        < 0.92 => "CREATION_SCHEDULED",
        < 0.95 => "UPDATING",
        < 0.97 => "UPDATE_SCHEDULED",
        < 0.985 => "DELETION_SCHEDULED",
        _ => "DELETING",
    };

    // marketplace.Resource.States labels.
    private static string MarketplaceState(string state) => state switch
    {
        "OK" => "OK",
        "ERRED" => "Erred",
        "CREATING" or "CREATION_SCHEDULED" => "Creating",
        "UPDATING" or "UPDATE_SCHEDULED" => "Updating",
        _ => "Terminating",
    };

    // An MD5 fingerprint, as Waldur's SshPublicKey stores it: 16 bytes as colon-separated hex (47 characters).
    private static string Fingerprint(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return string.Join(':', bytes.ToArray().Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }
}
