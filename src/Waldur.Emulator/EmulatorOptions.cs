using Waldur.Emulator.Data.Core;
using Waldur.Emulator.Faults;
using Waldur.Emulator.Waldur.Drift;

namespace Waldur.Emulator;

/// <summary>Settings under <c>Emulator:*</c>. Read and validated once at start by <see cref="EmulatorOptionsReader"/>.</summary>
public sealed class EmulatorOptions
{
    public const string Section = "Emulator";

    public int ImageCount { get; set; } = 150;

    public int RegionCount { get; set; } = 12;

    /// <summary>How many droplets <c>/api/digitalocean-droplets/</c> serves. Sizes are DigitalOcean's fixed catalog (20).</summary>
    public int DropletCount { get; set; } = 60;

    public int Seed { get; set; } = 42;

    /// <summary>The most rows a generically served list (every spec list without a table) has; each list instance gets
    /// 0…this many, spread by its path and parent, so some lists are empty and most span several pages of 10.</summary>
    public int GenericMaxRows { get; set; } = 40;

    /// <summary>Row counts of the 15 core lists (<c>Emulator:CustomerCount</c>, <c>ProjectCount</c>, <c>UserCount</c>,
    /// <c>CategoryCount</c>, <c>ServiceProviderCount</c>, <c>OfferingCount</c>, <c>PlanCount</c>,
    /// <c>MarketplaceResourceCount</c>, <c>OrderCount</c>, <c>InvoiceCount</c>, <c>EventCount</c>, <c>TenantCount</c>,
    /// <c>InstanceCount</c>, <c>VolumeCount</c>).</summary>
    public CoreCounts Core { get; set; } = new();

    /// <summary>Non-staff tokens (<c>Emulator:Users:&lt;token&gt;:Role=customer-owner|project-member|none</c>, with
    /// <c>Customer=&lt;index&gt;</c> or <c>Project=&lt;index&gt;</c>, 0-based into the data set's customers/projects).
    /// They are accepted in addition to <see cref="Tokens"/>, whose tokens act as staff.</summary>
    public IReadOnlyDictionary<string, RoleSetting> Users { get; set; } = new Dictionary<string, RoleSetting>(StringComparer.Ordinal);

    /// <summary>Accepted keys for <c>Authorization: Token &lt;key&gt;</c> and <c>Bearer &lt;key&gt;</c>.</summary>
    public IReadOnlyList<string> Tokens { get; set; } = ["demo-token"];

    /// <summary>Opt-in (for isolation tests): each token sees its own deterministic subset of images. Real Waldur
    /// shows every user every image (U14), so this is off by default.</summary>
    public bool PerTokenData { get; set; }

    public FaultSettings Faults { get; set; } = new();

    /// <summary><c>Emulator:ProvisioningDelayMs</c> (default 300): how long a scheduled operation (droplet/instance
    /// actions, creates and deletes, executing marketplace orders) waits before the backend "answers" (Writes/Provisioner).
    /// 0 completes it at once, right after the response was made.</summary>
    public int ProvisioningDelayMs { get; set; } = 300;

    /// <summary><c>Emulator:Drift</c>: <c>none</c> (default, the 8.0.5 document) or <c>waldur-7</c> (Waldur 7.0.7 as
    /// observed: absent collections, unpaged lists, ignored filters, other field types; see the README's "Drift mode").</summary>
    public DriftMode Drift { get; set; }
}

/// <summary>One non-staff token's role: <see cref="Kind"/> and the 0-based customer or project index it applies to.</summary>
public sealed record RoleSetting(CoreRoleKind Kind, int? Customer, int? Project);
