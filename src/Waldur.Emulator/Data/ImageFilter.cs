namespace Waldur.Emulator.Data;

/// <summary>
/// Waldur's image/region filters (U9–U12): <c>name</c> is a case-insensitive substring with no wildcards (SQL
/// <c>UPPER(name) LIKE UPPER('%…%')</c> with escaped wildcards), <c>name_exact</c>, <c>distribution</c> and <c>type</c> are
/// exact and case-sensitive; null means "not given". All given filters must hold (U11). Regions use only the name filters.
/// </summary>
public sealed record ImageFilter
{
    private readonly string? _name;
    private readonly string? _nameUpper;

    public ImageFilter(string? name = null, string? nameExact = null, string? distribution = null, string? type = null)
    {
        Name = name;
        NameExact = nameExact;
        Distribution = distribution;
        Type = type;
    }

    public static ImageFilter None { get; } = new();

    public string? Name
    {
        get => _name;
        init
        {
            _name = value;
            _nameUpper = value?.ToUpperInvariant();
        }
    }

    public string? NameExact { get; init; }

    public string? Distribution { get; init; }

    public string? Type { get; init; }

    public bool IsEmpty => Name is null && NameExact is null && Distribution is null && Type is null;

    public bool Matches(EmulatorImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return (Distribution is null || string.Equals(image.Distribution, Distribution, StringComparison.Ordinal))
            && (Type is null || string.Equals(image.Type, Type, StringComparison.Ordinal))
            && (NameExact is null || string.Equals(image.Name, NameExact, StringComparison.Ordinal))
            && (_nameUpper is null || image.NameUpper.Contains(_nameUpper, StringComparison.Ordinal));
    }

    public bool Matches(EmulatorRegion region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return (NameExact is null || string.Equals(region.Name, NameExact, StringComparison.Ordinal))
            && (_nameUpper is null || region.Name.ToUpperInvariant().Contains(_nameUpper, StringComparison.Ordinal));
    }
}
