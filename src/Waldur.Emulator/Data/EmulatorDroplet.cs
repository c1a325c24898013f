namespace Waldur.Emulator.Data;

/// <summary>An organisation (Waldur <c>structure.Customer</c>) as droplets show it.</summary>
public sealed record EmulatorCustomer(string Uuid, string Name, string NativeName, string Abbreviation);

/// <summary>A Waldur project; every droplet of a project shows the same name and customer.</summary>
public sealed record EmulatorProject(string Uuid, string Name, EmulatorCustomer Customer);

/// <summary>A DigitalOcean service settings (provider account) droplets belong to, with the marketplace offering that
/// sells it (<see cref="OfferingUuid"/>, <see cref="OfferingName"/>, <see cref="PlanUuid"/>).</summary>
public sealed record EmulatorServiceSettings(
    string Uuid, string Name, string State, string OfferingUuid, string OfferingName, string PlanUuid);

/// <summary>A marketplace resource wrapping a droplet (the <c>marketplace_*</c> fields); null for droplets imported
/// outside the marketplace.</summary>
public sealed record EmulatorMarketplaceLink(string ResourceUuid, string ResourceState, string CategoryUuid, string CategoryName);

/// <summary>
/// A DigitalOcean droplet as Waldur serves it (<c>DigitalOceanDroplet</c> in the OpenAPI schema). <see cref="State"/> is a
/// <c>CoreStates</c> name (<c>OK</c>, <c>ERRED</c>, …); <see cref="StateCode"/> is the integer Waldur stores and sorts by.
/// <see cref="Cores"/>, <see cref="Ram"/>, <see cref="Disk"/> come from <see cref="Size"/>; <see cref="ImageName"/> from
/// <see cref="Image"/>; <see cref="RegionName"/> from <see cref="Region"/>. <see cref="IpAddress"/> is the single
/// external IP (always set: Waldur renders a missing one as <c>[null]</c>, which the schema does not allow).
/// <see cref="Id"/> is insertion order, the emulator's tie-breaker.
/// </summary>
public sealed record EmulatorDroplet(
    int Id,
    string Uuid,
    string Name,
    string Description,
    EmulatorServiceSettings ServiceSettings,
    EmulatorProject Project,
    string State,
    string ErrorMessage,
    string ErrorTraceback,
    DateTimeOffset Created,
    DateTimeOffset Modified,
    string BackendId,
    DateTimeOffset? StartTime,
    EmulatorSize Size,
    EmulatorImage Image,
    EmulatorRegion Region,
    string UserData,
    string IpAddress,
    string KeyName,
    string KeyFingerprint,
    string RuntimeState,
    EmulatorMarketplaceLink? Marketplace)
{
    // Writes (start/stop/restart/resize, create, delete) change these; a droplet compares by reference (one database row).
    public string State { get; set; } = State;

    public string RuntimeState { get; set; } = RuntimeState;

    public DateTimeOffset Modified { get; set; } = Modified;

    public DateTimeOffset? StartTime { get; set; } = StartTime;

    /// <summary>Copied from the size at creation; <c>resize</c> sets cores and ram, and disk only with <c>disk: true</c>
    /// (<c>waldur_digitalocean/views.py DropletViewSet.resize</c>).</summary>
    public int Cores { get; set; } = Size.Cores;

    public int Ram { get; set; } = Size.Ram;

    public int Disk { get; set; } = Size.Disk;

    public bool Equals(EmulatorDroplet? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    /// <summary>The <c>CoreStates</c> names in the order of their integer codes' meaning
    /// (<c>waldur_core.core.enums.CoreStates</c>).</summary>
    public static readonly IReadOnlyDictionary<string, int> StateCodes = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["CREATION_SCHEDULED"] = 5,
        ["CREATING"] = 6,
        ["UPDATE_SCHEDULED"] = 1,
        ["UPDATING"] = 2,
        ["DELETION_SCHEDULED"] = 7,
        ["DELETING"] = 8,
        ["OK"] = 3,
        ["ERRED"] = 4,
    };

    public int StateCode => StateCodes[State];

    public string ImageName => Image.Name;

    public string RegionName => Region.Name;
}
