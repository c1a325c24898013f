using System.Globalization;
using System.Text;
using Waldur.GraphGateway.Loading.Filtering;

namespace Waldur.GraphGateway.Tests.Loading.Filtering;

/// <summary>A tag of a <see cref="PropertyRow"/>: the elements of its list field.</summary>
internal sealed record PropertyTag(string? Key, long? Weight, bool? Pinned);

/// <summary>
/// The property tests' own row: one field of every kind (text, boolean, comparable long, comparable instant, list).
/// <see cref="Tags"/> may be null, which the model treats as an empty list.
/// </summary>
internal sealed record PropertyRow(string Uuid, string? Name, bool? Flag, long? Size, DateTimeOffset? Created, IReadOnlyList<PropertyTag>? Tags)
{
    public static readonly FieldSet TagFields = new(
        new FieldDefinition("key", FieldKind.Text, t => ((PropertyTag)t).Key),
        new FieldDefinition("weight", FieldKind.Comparable, t => ((PropertyTag)t).Weight),
        new FieldDefinition("pinned", FieldKind.Boolean, t => ((PropertyTag)t).Pinned));

    public static readonly FieldSet Fields = new(
        new FieldDefinition("name", FieldKind.Text, r => ((PropertyRow)r).Name),
        new FieldDefinition("flag", FieldKind.Boolean, r => ((PropertyRow)r).Flag),
        new FieldDefinition("size", FieldKind.Comparable, r => ((PropertyRow)r).Size),
        new FieldDefinition("created", FieldKind.Comparable, r => ((PropertyRow)r).Created),
        new FieldDefinition("tags", FieldKind.List, r => ((PropertyRow)r).Tags, TagFields));

    public override string ToString() =>
        $"{{uuid {Uuid}, name {Show.Value(Name)}, flag {Show.Value(Flag)}, size {Show.Value(Size)}, created {Show.Value(Created)}, tags {(Tags is null ? "null" : "[" + string.Join(", ", Tags.Select(t => $"{{key {Show.Value(t.Key)}, weight {Show.Value(t.Weight)}, pinned {Show.Value(t.Pinned)}}}")) + "]")}}}";
}

/// <summary>Readable failure messages: the test's own printer, so a failing case can be rebuilt by hand.</summary>
internal static class Show
{
    public static string Filter(FilterNode? node) => node switch
    {
        null => "null",
        AllOfFilter all => "and[" + string.Join(", ", all.Parts.Select(Filter)) + "]",
        AnyOfFilter any => "or[" + string.Join(", ", any.Parts.Select(Filter)) + "]",
        FieldFilter f => $"{f.Field}.{f.Operation}({Value(f.Value)})",
        ListFieldFilter l => l.Quantifier == "any" ? $"{l.Field}.any({l.AnyValue})" : $"{l.Field}.{l.Quantifier}({Filter(l.Element)})",
        _ => node.ToString(),
    };

    public static string Value(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Value)) + "]" + (items is Array ? "(array)" : ""),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture) + "L",
        _ => value.ToString() ?? "?",
    };

    public static string Bytes(byte[] bytes) => Convert.ToHexString(bytes);

    public static string Escape(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            builder.Append(c is < ' ' or > '~' ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return builder.ToString();
    }
}
