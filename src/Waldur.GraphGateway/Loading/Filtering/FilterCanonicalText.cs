using System.Collections;
using System.Globalization;
using System.Text;

namespace Waldur.GraphGateway.Loading.Filtering;

/// <summary>
/// A deterministic text form of a filter, for the cursor's argument hash: the same arguments (literal or variables)
/// give the same text, different arguments different text.
/// </summary>
internal static class FilterCanonicalText
{
    public static string Of(FilterNode? filter)
    {
        var text = new StringBuilder();
        Write(text, filter);
        return text.ToString();
    }

    private static void Write(StringBuilder text, FilterNode? node)
    {
        switch (node)
        {
            case null:
                text.Append('_');
                break;
            case AllOfFilter all:
                WriteList(text, "and", all.Parts);
                break;
            case AnyOfFilter any:
                WriteList(text, "or", any.Parts);
                break;
            case FieldFilter f:
                text.Append(f.Field).Append('.').Append(f.Operation).Append('=');
                WriteValue(text, f.Value);
                break;
            case ListFieldFilter l:
                text.Append(l.Field).Append('.').Append(l.Quantifier).Append('(');
                if (l.Quantifier == FilterOperations.Any)
                {
                    text.Append(l.AnyValue ? "true" : "false");
                }
                else
                {
                    Write(text, l.Element);
                }

                text.Append(')');
                break;
        }
    }

    private static void WriteList(StringBuilder text, string name, IReadOnlyList<FilterNode> parts)
    {
        text.Append(name).Append('[');
        foreach (var part in parts)
        {
            Write(text, part);
            text.Append(';');
        }

        text.Append(']');
    }

    private static void WriteValue(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null: text.Append("null"); break;
            case string s: text.Append('"').Append(s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"'); break;
            case bool b: text.Append(b ? "true" : "false"); break;
            case DateTimeOffset d: text.Append(d.UtcTicks.ToString(CultureInfo.InvariantCulture)).Append('t'); break;
            case IFormattable f: text.Append(f.ToString(null, CultureInfo.InvariantCulture)); break;
            case IEnumerable items:
                text.Append('[');
                foreach (var item in items)
                {
                    WriteValue(text, item);
                    text.Append(',');
                }

                text.Append(']');
                break;
            default: text.Append(value); break;
        }
    }
}
