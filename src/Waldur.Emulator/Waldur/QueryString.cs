using System.Text;

namespace Waldur.Emulator.Waldur;

/// <summary>
/// The query string the way Django and DRF see it: Python's <c>parse_qsl(keep_blank_values=True)</c> (split on
/// <c>&amp;</c>, <c>+</c> is a space, invalid UTF-8 becomes U+FFFD, a bare <c>key</c> is <c>key=</c>), and
/// <c>urlencode(sorted(...), doseq=True)</c> for re-encoding (U19).
/// </summary>
internal sealed class QueryString
{
    private readonly List<KeyValuePair<string, string>> _pairs;

    private QueryString(List<KeyValuePair<string, string>> pairs) => _pairs = pairs;

    public static QueryString Parse(string? raw)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrEmpty(raw))
        {
            return new QueryString(pairs);
        }

        foreach (var field in raw.TrimStart('?').Split('&'))
        {
            if (field.Length == 0)
            {
                continue;
            }

            var eq = field.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? field : field[..eq];
            var value = eq < 0 ? "" : field[(eq + 1)..];
            pairs.Add(new(Unquote(name), Unquote(value)));
        }

        return new QueryString(pairs);
    }

    /// <summary>The last value of a parameter, as <c>QueryDict.get</c> returns it (U11: a repeated parameter keeps its last value).</summary>
    public string? Last(string name)
    {
        for (var i = _pairs.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_pairs[i].Key, name, StringComparison.Ordinal))
            {
                return _pairs[i].Value;
            }
        }

        return null;
    }

    /// <summary>The same query without the parameters named in <paramref name="names"/> (a filter set that does not
    /// declare them never reads them).</summary>
    public QueryString Without(IReadOnlySet<string> names) => new([.. _pairs.Where(p => !names.Contains(p.Key))]);

    /// <summary>Every pair but those named in <paramref name="except"/>, in order, as one string (names and values kept
    /// apart by control characters): queries with the same key select the same rows.</summary>
    public string Key(IReadOnlySet<string> except)
    {
        var builder = new StringBuilder();
        foreach (var (key, value) in _pairs)
        {
            if (!except.Contains(key))
            {
                builder.Append(key).Append('\u0001').Append(value).Append('\u0002');
            }
        }

        return builder.ToString();
    }

    /// <summary>Every value of a parameter in order, as <c>QueryDict.getlist</c> returns them (multi-value filters, <c>field</c>).</summary>
    public IReadOnlyList<string> All(string name) =>
        [.. _pairs.Where(p => string.Equals(p.Key, name, StringComparison.Ordinal)).Select(p => p.Value)];

    /// <summary>Re-encodes with parameters sorted by name, <paramref name="page"/> replacing any <c>page</c>
    /// (null removes it), as DRF's <c>replace_query_param</c>/<c>remove_query_param</c> do.</summary>
    public string EncodeWithPage(int? page)
    {
        var grouped = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (key, value) in _pairs)
        {
            if (!grouped.TryGetValue(key, out var values))
            {
                grouped[key] = values = [];
            }

            values.Add(value);
        }

        grouped.Remove("page");
        if (page is { } p)
        {
            grouped["page"] = [p.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        }

        var builder = new StringBuilder();
        foreach (var key in grouped.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var value in grouped[key])
            {
                if (builder.Length > 0)
                {
                    builder.Append('&');
                }

                QuotePlus(builder, key);
                builder.Append('=');
                QuotePlus(builder, value);
            }
        }

        return builder.ToString();
    }

    private static string Unquote(string text)
    {
        if (text.IndexOfAny(['+', '%']) < 0)
        {
            return text;
        }

        var bytes = new List<byte>(text.Length);
        var utf8 = Encoding.UTF8.GetBytes(text.Replace('+', ' '));
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == '%' && i + 2 < utf8.Length && IsHex(utf8[i + 1]) && IsHex(utf8[i + 2]))
            {
                bytes.Add((byte)((HexValue(utf8[i + 1]) << 4) | HexValue(utf8[i + 2])));
                i += 2;
            }
            else
            {
                bytes.Add(utf8[i]);
            }
        }

        // Encoding.UTF8 replaces invalid sequences with U+FFFD, as Python's errors="replace" does.
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static void QuotePlus(StringBuilder builder, string text)
    {
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')
                or (byte)'_' or (byte)'.' or (byte)'-' or (byte)'~')
            {
                builder.Append((char)b);
            }
            else if (b == ' ')
            {
                builder.Append('+');
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    private static bool IsHex(byte b) => b is (>= (byte)'0' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f') or (>= (byte)'A' and <= (byte)'F');

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
