namespace Waldur.Emulator.Data;

/// <summary>
/// Waldur's image/region filters (U9–U12): <c>name</c> is a case-insensitive substring with no wildcards,
/// <c>name_exact</c>, <c>distribution</c> and <c>type</c> are exact and case-sensitive; null means "not given".
/// All given filters must hold (U11). Regions use only the two name filters.
/// </summary>
public sealed record ImageFilter(string? Name = null, string? NameExact = null, string? Distribution = null, string? Type = null)
{
    public static ImageFilter None { get; } = new();

    public bool IsEmpty => Name is null && NameExact is null && Distribution is null && Type is null;

    public bool Matches(EmulatorImage image) =>
        NameMatches(image.Name)
        && (Distribution is null || string.Equals(image.Distribution, Distribution, StringComparison.Ordinal))
        && (Type is null || string.Equals(image.Type, Type, StringComparison.Ordinal));

    public bool Matches(EmulatorRegion region) => NameMatches(region.Name);

    private bool NameMatches(string name) =>
        (Name is null || name.Contains(Name, StringComparison.OrdinalIgnoreCase))
        && (NameExact is null || string.Equals(name, NameExact, StringComparison.Ordinal));
}
