namespace Waldur.Emulator.Data;

/// <summary>
/// The image <c>o</c> parameter (U15, U16). Keys are <c>distribution</c>/<c>type</c>, optionally prefixed with <c>-</c>;
/// empty elements (a trailing comma) are skipped. With no keys the order is by name. The emulator breaks every remaining
/// tie by <see cref="EmulatorImage.Id"/> (insertion order), its stand-in for "the order the database chooses".
/// Strings compare ordinally.
/// </summary>
public sealed class ImageOrdering : IComparer<EmulatorImage>
{
    public static readonly IReadOnlyList<string> Choices = ["-distribution", "-type", "distribution", "type"];

    public static ImageOrdering Default { get; } = new([]);

    private readonly string[] _keys;

    private ImageOrdering(string[] keys) => _keys = keys;

    /// <summary>The keys in effect, e.g. <c>["distribution", "-type"]</c>; empty for the default (name) order.</summary>
    public IReadOnlyList<string> Keys => _keys;

    /// <summary>A stable identity for caching sorted views.</summary>
    public string CacheKey => string.Join(',', _keys);

    /// <summary>Parses one <c>o</c> value; on failure <paramref name="badValue"/> is the first invalid element, verbatim.</summary>
    public static bool TryParse(string? o, out ImageOrdering ordering, out string? badValue)
    {
        ordering = Default;
        badValue = null;
        if (string.IsNullOrEmpty(o))
        {
            return true;
        }

        var keys = new List<string>();
        foreach (var part in o.Split(','))
        {
            if (part.Length == 0)
            {
                continue;
            }

            if (!Choices.Contains(part))
            {
                badValue = part;
                return false;
            }

            keys.Add(part);
        }

        ordering = keys.Count == 0 ? Default : new ImageOrdering([.. keys]);
        return true;
    }

    public int Compare(EmulatorImage? x, EmulatorImage? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (_keys.Length == 0)
        {
            var byName = string.CompareOrdinal(x.Name, y.Name);
            if (byName != 0)
            {
                return byName;
            }
        }

        foreach (var key in _keys)
        {
            var descending = key[0] == '-';
            var field = descending ? key[1..] : key;
            var result = field == "type"
                ? string.CompareOrdinal(x.Type, y.Type)
                : string.CompareOrdinal(x.Distribution, y.Distribution);
            if (result != 0)
            {
                return descending ? -result : result;
            }
        }

        return x.Id.CompareTo(y.Id);
    }
}
