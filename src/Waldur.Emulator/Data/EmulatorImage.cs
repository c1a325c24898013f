namespace Waldur.Emulator.Data;

/// <summary>
/// A DigitalOcean image as Waldur stores it (U4). <see cref="Id"/> is the database insertion order: the emulator breaks
/// sort ties by it, standing in for "the order the database chooses" (U16). <see cref="Slug"/> is never serialised;
/// <see cref="IsOfficial"/> is true exactly when it is set. <see cref="Regions"/> are ordered by name (ordinal).
/// </summary>
public sealed record EmulatorImage(
    int Id,
    string Uuid,
    string Name,
    string Distribution,
    string Type,
    IReadOnlyList<EmulatorRegion> Regions,
    string? Slug,
    DateTimeOffset? CreatedAt,
    int? MinDiskSize)
{
    public bool IsOfficial => Slug is not null;

    // Folded once: a name filter scans every row, and ordinal search over folded text is several times faster.
    internal string NameUpper { get; } = Name.ToUpperInvariant();
}
