using Waldur.Emulator.Data.Core;

namespace Waldur.Emulator.Data;

/// <summary>
/// The emulator's whole data set, generated deterministically from <see cref="EmulatorOptions.Seed"/>,
/// <see cref="EmulatorOptions.ImageCount"/>, <see cref="EmulatorOptions.RegionCount"/> and
/// <see cref="EmulatorOptions.DropletCount"/>. Public so that tests can
/// compute expected results from the same data without HTTP.
/// </summary>
public sealed class EmulatorDataset
{
    private Dictionary<string, EmulatorDroplet> _dropletsByUuid;

    private readonly Dictionary<string, CoreCaller> _callers;

    private EmulatorDataset(
        EmulatorImage[] images, EmulatorRegion[] regions, EmulatorSize[] sizes, EmulatorDroplet[] droplets, bool perTokenData, CoreData core,
        IReadOnlyDictionary<string, RoleSetting> users)
    {
        Core = core;
        _callers = users.ToDictionary(u => u.Key, u => Caller(core, u.Key, u.Value), StringComparer.Ordinal);
        Images = images;
        Regions = regions;
        Sizes = sizes;
        Droplets = droplets;
        Projects = [.. droplets.Select(d => d.Project).Distinct().OrderBy(p => p.Name, StringComparer.Ordinal)];
        _dropletsByUuid = droplets.ToDictionary(d => d.Uuid, StringComparer.Ordinal);
        PerTokenData = perTokenData;
    }

    /// <summary>Every image in insertion order (<see cref="EmulatorImage.Id"/> 1..n).</summary>
    public IReadOnlyList<EmulatorImage> Images { get; }

    /// <summary>Every region in insertion order.</summary>
    public IReadOnlyList<EmulatorRegion> Regions { get; }

    /// <summary>Every droplet size in insertion order (DigitalOcean's catalog; regions are a subset of <see cref="Regions"/>).</summary>
    public IReadOnlyList<EmulatorSize> Sizes { get; }

    /// <summary>Every droplet in insertion order. Sizes, images and regions they name are rows of this data set.</summary>
    public IReadOnlyList<EmulatorDroplet> Droplets { get; private set; }

    /// <summary>Held by every write (<c>Writes/</c>) while it changes rows; reads never take it (lists are replaced,
    /// not modified, and the rows' mutable fields are single references).</summary>
    internal Lock WriteLock { get; } = new();

    /// <summary>Bumped after every write; tables rebuild their sorted and by-uuid caches when it moves.</summary>
    public long Version => Interlocked.Read(ref _version);

    private long _version;

    internal void Changed() => Interlocked.Increment(ref _version);

    /// <summary>Replaces the droplets (a create or a completed deletion), under <see cref="WriteLock"/>.</summary>
    internal void SetDroplets(IReadOnlyList<EmulatorDroplet> droplets)
    {
        _dropletsByUuid = droplets.ToDictionary(d => d.Uuid, StringComparer.Ordinal);
        Droplets = droplets;
    }

    /// <summary>The projects droplets belong to (each with its customer), by name.</summary>
    public IReadOnlyList<EmulatorProject> Projects { get; }

    public bool PerTokenData { get; }

    /// <summary>The rows of the 15 core lists (customers … openstack volumes).</summary>
    public CoreData Core { get; }

    /// <summary>Who a token is: a configured <c>Emulator:Users</c> role, otherwise staff (every <c>Emulator:Tokens</c> token).</summary>
    public CoreCaller CallerOf(string token) => _callers.GetValueOrDefault(token) ?? CoreCaller.StaffCaller;

    /// <summary>Whether the row is one the token may see on its list (offerings: the provider list; see the overload).</summary>
    public bool IsVisibleTo(string token, object row) => IsVisibleTo(token, CoreVisibility.ListOf(row), row);

    /// <summary>Whether the row is one the token may see on <paramref name="listPath"/> (e.g. <c>/api/projects/</c>);
    /// exactly the emulator's rule for list and retrieve (events: the list also needs <c>scope</c> for non-staff).</summary>
    public bool IsVisibleTo(string token, string listPath, object row) => CoreVisibility.IsVisible(CallerOf(token), listPath, row);

    private static CoreCaller Caller(CoreData core, string token, RoleSetting setting)
    {
        switch (setting.Kind)
        {
            case CoreRoleKind.Staff:
                return CoreCaller.StaffCaller;
            case CoreRoleKind.CustomerOwner:
                var customer = setting.Customer < core.Customers.Count ? core.Customers[setting.Customer.Value]
                    : throw new InvalidOperationException($"Emulator:Users:{token}:Customer must be below {core.Customers.Count}.");
                return new CoreCaller(setting.Kind, customer, null, core.OwnerOf(customer));
            case CoreRoleKind.ProjectMember:
                var project = setting.Project < core.Projects.Count ? core.Projects[setting.Project.Value]
                    : throw new InvalidOperationException($"Emulator:Users:{token}:Project must be below {core.Projects.Count}.");
                return new CoreCaller(setting.Kind, null, project, core.MemberOf(project));
            default:
                return new CoreCaller(setting.Kind, null, null,
                    core.Users.FirstOrDefault(u => u.IsActive && !u.IsStaff && !u.IsSupport && u.Roles.Count == 0));
        }
    }

    public static EmulatorDataset Generate(EmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var regions = ImageGenerator.Regions(options.RegionCount, options.Seed);
        var images = ImageGenerator.Images(options.ImageCount, options.Seed, regions);
        var sizes = DropletGenerator.Sizes(options.Seed, regions);
        var droplets = DropletGenerator.Droplets(options.DropletCount, options.Seed, sizes, images, regions);
        var core = CoreGenerator.Generate(options.Seed, options.Core);
        return new EmulatorDataset(images, regions, sizes, droplets, options.PerTokenData, core, options.Users);
    }

    public static EmulatorDataset Generate(
        int imageCount = 150, int regionCount = 12, int seed = 42, bool perTokenData = false, int dropletCount = 60) =>
        Generate(new EmulatorOptions
        {
            ImageCount = imageCount, RegionCount = regionCount, Seed = seed, PerTokenData = perTokenData, DropletCount = dropletCount,
        });

    /// <summary>With <see cref="PerTokenData"/>, a token sees about two thirds of the images, chosen by a stable hash of
    /// token and uuid (different tokens see different subsets); otherwise every token sees everything (U14).</summary>
    public bool IsVisibleTo(EmulatorImage image, string token)
    {
        ArgumentNullException.ThrowIfNull(image);
        return !PerTokenData || StableHash(token, image.Uuid) % 3 != 0;
    }

    /// <summary>Finds a droplet by 32-hex lowercase uuid (every token sees every droplet, as Waldur staff do).</summary>
    public EmulatorDroplet? FindDroplet(string uuid) => _dropletsByUuid.GetValueOrDefault(uuid);

    private static uint StableHash(string token, string uuid)
    {
        var hash = 2166136261u;
        foreach (var c in token + ":" + uuid)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }
}
