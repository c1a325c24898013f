using System.Text;
using GraphQL.Types;
using Waldur.GraphGateway.Loading.Filtering;

namespace Waldur.GraphGateway.Types.Resources;

/// <summary>
/// The GraphQL enums of the catalog, one per <c>EnumType</c> (fields with the same Waldur enum share it), and their
/// HotChocolate-style <c>XOperationFilterInput</c> (<c>eq neq in nin</c>). Waldur's values (<c>OK</c>, <c>Erred</c>,
/// <c>pending-consumer</c>) become GraphQL names (<c>OK</c>, <c>ERRED</c>, <c>PENDING_CONSUMER</c>); the internal value
/// stays Waldur's, so rows, filters and pushdown keep speaking Waldur.
/// </summary>
internal sealed class EnumGraphTypes
{
    private readonly Dictionary<string, EnumerationGraphType> _enums = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InputObjectGraphType> _filters = new(StringComparer.Ordinal);

    public EnumerationGraphType Enum(string typeName, IReadOnlyList<string> values)
    {
        if (_enums.TryGetValue(typeName, out var existing))
        {
            return existing;
        }

        var type = new EnumerationGraphType { Name = typeName, Description = $"Waldur's `{typeName}` values." };
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var name = ValueName(value);
            for (var n = 2; !taken.Add(name); n++)
            {
                name = $"{ValueName(value)}_{n}";
            }

            type.Add(name, value, $"Waldur's `{value}`.");
        }
        _enums[typeName] = type;
        return type;
    }

    public InputObjectGraphType Filter(EnumerationGraphType type)
    {
        if (_filters.TryGetValue(type.Name, out var existing))
        {
            return existing;
        }

        var input = new InputObjectGraphType { Name = type.Name + "OperationFilterInput" };
        input.Field(FilterOperations.Eq, type).Description("Equal to.");
        input.Field(FilterOperations.Neq, type).Description("Not equal to.");
        input.Field(FilterOperations.In, new ListGraphType(type)).Description("Equal to one of the values.");
        input.Field(FilterOperations.Nin, new ListGraphType(type)).Description("Equal to none of the values.");
        _filters[type.Name] = input;
        return input;
    }

    /// <summary>A GraphQL enum value name: upper case, anything but letters and digits as one <c>_</c>, never a leading digit.</summary>
    public static string ValueName(string value)
    {
        var name = new StringBuilder(value.Length + 1);
        foreach (var c in value)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                name.Append(char.ToUpperInvariant(c));
            }
            else if (name.Length > 0 && name[^1] != '_')
            {
                name.Append('_');
            }
        }
        var text = name.ToString().TrimEnd('_');
        return text.Length == 0 ? "EMPTY" : char.IsAsciiDigit(text[0]) ? "_" + text : text;
    }
}
