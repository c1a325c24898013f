using System.Collections;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Loading.Filtering;

namespace Waldur.GraphGateway.Types.Filtering;

/// <summary>
/// Turns a parsed <c>where</c> input (GraphQL.NET gives untyped input objects as dictionaries) into the planner's
/// <see cref="FilterNode"/>, normalising values (<c>Int</c> → <c>long</c>, <c>DateTime</c> → UTC offset).
/// A field set to null is ignored (HotChocolate); <c>eq</c>/<c>neq: null</c> test for null; any other operation with
/// null is an error, since it has no meaning.
/// </summary>
internal static class FilterArgumentReader
{
    public static FilterNode? Read(object? input, FieldSet fields)
    {
        if (input is not IDictionary<string, object?> entries)
        {
            return null;
        }

        var parts = new List<FilterNode>();
        foreach (var (name, value) in entries)
        {
            if (value is null)
            {
                continue;
            }

            parts.Add(name switch
            {
                "and" => new AllOfFilter(Items(value).Select(i => Read(i, fields) ?? new AllOfFilter([])).ToList()),
                "or" => new AnyOfFilter(Items(value).Select(i => Read(i, fields) ?? new AllOfFilter([])).ToList()),
                _ => ReadField(fields[name], value),
            });
        }

        return parts.Count == 1 ? parts[0] : new AllOfFilter(parts);
    }

    private static FilterNode ReadField(FieldDefinition field, object operations)
    {
        var parts = new List<FilterNode>();
        foreach (var (operation, value) in (IDictionary<string, object?>)operations)
        {
            parts.Add(operation switch
            {
                "and" when value is not null => new AllOfFilter(Items(value).Select(i => ReadField(field, i!)).ToList()),
                "or" when value is not null => new AnyOfFilter(Items(value).Select(i => ReadField(field, i!)).ToList()),
                "and" or "or" => new AllOfFilter([]),
                FilterOperations.Any when value is bool any => new ListFieldFilter(field.Name, operation, null, any),
                FilterOperations.Some or FilterOperations.All or FilterOperations.None when value is not null =>
                    new ListFieldFilter(field.Name, operation, Read(value, field.Elements!)),
                FilterOperations.Eq or FilterOperations.Neq when field.Kind != FieldKind.List =>
                    new FieldFilter(field.Name, operation, Normalize(value)),
                _ when value is not null && field.Kind != FieldKind.List =>
                    new FieldFilter(field.Name, operation, Normalize(value)),
                _ => throw new GatewayException(ErrorCodes.FilterInvalid,
                    $"`{field.Name}: {{ {operation}: null }}` has no meaning; leave the operation out instead."),
            });
        }

        return parts.Count == 1 ? parts[0] : new AllOfFilter(parts);
    }

    private static IEnumerable<object?> Items(object value) => value is IEnumerable items and not string ? items.Cast<object?>() : [value];

    private static object? Normalize(object? value) => value switch
    {
        int i => (long)i,
        DateTime d => new DateTimeOffset(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d.ToUniversalTime()),
        DateTimeOffset o => o.ToUniversalTime(),
        string s => s,
        IEnumerable items => items.Cast<object?>().Select(Normalize).ToList(),
        _ => value,
    };
}
