using System.Diagnostics.CodeAnalysis;
using Waldur.GraphGateway.Errors;

namespace Waldur.GraphGateway.Types.Relay;

/// <summary>
/// Waldur uuids (U3): accepted hyphenated (8-4-4-4-12) or as 32 hex digits, either case; always written as 32
/// lowercase hex, the form Waldur's bodies use, so one uuid is one cache key whichever form the client sent.
/// </summary>
internal static class WaldurUuid
{
    public static bool TryNormalize([NotNullWhen(true)] string? value, [NotNullWhen(true)] out string? normalized)
    {
        normalized = null;
        if (value is null)
        {
            return false;
        }

        var hyphenated = value.Length == 36;
        if (!hyphenated && value.Length != 32)
        {
            return false;
        }

        Span<char> hex = stackalloc char[32];
        var n = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (hyphenated && i is 8 or 13 or 18 or 23)
            {
                if (c != '-')
                {
                    return false;
                }

                continue;
            }
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }

            hex[n++] = char.ToLowerInvariant(c);
        }
        normalized = new string(hex);
        return true;
    }

    /// <summary>The 32-hex form, or a <see cref="ErrorCodes.UuidInvalid"/> error naming the bad value.</summary>
    public static string Normalize(string? value) =>
        TryNormalize(value, out var normalized) ? normalized : throw Invalid(value);

    /// <summary>The <see cref="ErrorCodes.UuidInvalid"/> error for <paramref name="value"/>.</summary>
    public static GatewayException Invalid(string? value) => new(ErrorCodes.UuidInvalid,
        $"'{Truncate(value)}' is not a uuid: expected 32 hex digits, with or without hyphens (8-4-4-4-12).");

    internal static string Truncate(string? value) =>
        value is null ? "null" : value.Length <= 64 ? value : string.Concat(value.AsSpan(0, 64), "…");
}
