namespace Waldur.Emulator.Waldur;

/// <summary>
/// Python's <c>uuid.UUID(text)</c>, which Django's UUIDField applies to the lookup (U3): <c>urn:</c>/<c>uuid:</c>
/// prefixes, braces and hyphens anywhere are dropped, then 32 hex digits in either case. Anything else is the 404 of U23.
/// </summary>
internal static class UuidLookup
{
    public static string? Normalize(string lookup)
    {
        var hex = lookup.Replace("urn:", "", StringComparison.Ordinal).Replace("uuid:", "", StringComparison.Ordinal)
            .Trim('{', '}').Replace("-", "", StringComparison.Ordinal);
        return hex.Length == 32 && hex.All(char.IsAsciiHexDigit) ? hex.ToLowerInvariant() : null;
    }
}
