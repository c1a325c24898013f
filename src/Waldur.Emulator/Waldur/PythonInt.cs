namespace Waldur.Emulator.Waldur;

/// <summary>
/// Python's <c>int(text)</c>, which DRF uses for <c>page_size</c> and Django for <c>page</c> (U17, U18): surrounding
/// whitespace, a sign, Unicode decimal digits and single underscores between digits are accepted. Values beyond
/// <see cref="long"/> saturate, which is enough to tell "too large" from "valid".
/// </summary>
internal static class PythonInt
{
    public static bool TryParse(string? text, out long value)
    {
        value = 0;
        if (text is null)
        {
            return false;
        }

        var s = text.AsSpan().Trim();
        var negative = false;
        if (s.Length > 0 && (s[0] == '+' || s[0] == '-'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s.Length == 0 || s[0] == '_' || s[^1] == '_')
        {
            return false;
        }

        var previousUnderscore = false;
        foreach (var c in s)
        {
            if (c == '_')
            {
                if (previousUnderscore)
                {
                    return false;
                }

                previousUnderscore = true;
                continue;
            }

            previousUnderscore = false;
            if (!char.IsDigit(c))
            {
                return false;
            }

            var digit = (long)char.GetNumericValue(c);
            value = value > (long.MaxValue - digit) / 10 ? long.MaxValue : (value * 10) + digit;
        }

        value = negative ? -value : value;
        return true;
    }
}
