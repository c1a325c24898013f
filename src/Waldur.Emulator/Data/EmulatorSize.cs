namespace Waldur.Emulator.Data;

/// <summary>
/// A DigitalOcean droplet size as Waldur stores it (<c>waldur_digitalocean.models.Size</c>, filled by
/// <c>backend.pull_sizes</c>): <see cref="Name"/> is DigitalOcean's slug, <see cref="Ram"/> is MiB,
/// <see cref="Disk"/> is GB × 1024 (MiB), <see cref="Transfer"/> is TB × 1024 × 1024 (MiB). <see cref="PriceHourly"/> is
/// stored but never serialised. <see cref="Regions"/> are ordered by name (ordinal). <see cref="Id"/> is insertion order.
/// </summary>
public sealed record EmulatorSize(
    int Id,
    string Uuid,
    string Name,
    int Cores,
    int Ram,
    int Disk,
    int Transfer,
    decimal PriceHourly,
    IReadOnlyList<EmulatorRegion> Regions);
