using Waldur.Emulator.Faults;

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

    /// <summary>Accepted keys for <c>Authorization: Token &lt;key&gt;</c> and <c>Bearer &lt;key&gt;</c>.</summary>
    public IReadOnlyList<string> Tokens { get; set; } = ["demo-token"];

    /// <summary>Opt-in (for isolation tests): each token sees its own deterministic subset of images. Real Waldur
    /// shows every user every image (U14), so this is off by default.</summary>
    public bool PerTokenData { get; set; }

    public FaultSettings Faults { get; set; } = new();
}
