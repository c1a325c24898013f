using System.Globalization;
using System.Text;

namespace Waldur.Emulator.Waldur;

/// <summary>
/// JSON text exactly as DRF's JSONRenderer writes it: Python <c>json.dumps(ensure_ascii=False)</c> string escaping
/// (only <c>"</c>, <c>\</c> and control characters, <c>\u00xx</c> in lower case) plus DRF's escaping of U+2028/U+2029.
/// </summary>
internal static class JsonText
{
    public static StringBuilder AppendString(this StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case < ' ' or '\u2028' or '\u2029':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: builder.Append(c); break;
            }
        }

        return builder.Append('"');
    }

    /// <summary><c>{"detail":"…"}</c>, DRF's shape for every non-validation error (U21).</summary>
    public static string Detail(string message) => new StringBuilder("{\"detail\":").AppendString(message).Append('}').ToString();

    /// <summary><c>{"field":["message"],…}</c>, DRF's shape for validation errors (U15, U21).</summary>
    public static string FieldErrors(IEnumerable<KeyValuePair<string, string>> errors)
    {
        var builder = new StringBuilder("{");
        foreach (var (field, message) in errors)
        {
            if (builder.Length > 1)
            {
                builder.Append(',');
            }

            builder.AppendString(field).Append(":[").AppendString(message).Append(']');
        }

        return builder.Append('}').ToString();
    }
}
