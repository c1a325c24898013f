using System.Collections;

namespace Waldur.GraphGateway.Types.Filtering;

/// <summary>
/// The size of a <c>where</c> or <c>order</c> argument as GraphQL.NET coerced it (variables applied): input objects are
/// dictionaries, lists are lists. Read without the schema, so every filter input (and a list field's element filter
/// under <c>some</c>/<c>all</c>/<c>none</c>) is measured the same way.
/// </summary>
/// <param name="Terms">Operation leaves (<c>contains: "x"</c>, one sort key), through <c>and</c>/<c>or</c> and nested
/// filters; an <c>and</c>/<c>or</c> item with no leaf (<c>{}</c>) still counts 1, since the evaluator visits it.</param>
/// <param name="LongestList">Most values in one <c>in</c>/<c>nin</c> list.</param>
internal readonly record struct FilterInputSize(int Terms, int LongestList)
{
    public static FilterInputSize Of(object? value) => value switch
    {
        null or string => default,
        IDictionary<string, object?> entries => Entries(entries),
        IEnumerable items => Items(items),
        _ => new FilterInputSize(1, 0),
    };

    public FilterInputSize Plus(FilterInputSize other) =>
        new(Saturate((long)Terms + other.Terms), Math.Max(LongestList, other.LongestList));

    private static FilterInputSize Entries(IDictionary<string, object?> entries)
    {
        var size = default(FilterInputSize);
        foreach (var value in entries.Values)
        {
            size = size.Plus(value switch
            {
                null => default,
                IDictionary<string, object?> nested => Of(nested),
                IEnumerable items and not string when IsScalarList(items) => new FilterInputSize(1, Count(items)),
                IEnumerable items and not string => Items(items),
                _ => new FilterInputSize(1, 0),
            });
        }

        return size;
    }

    /// <summary>An <c>and</c>/<c>or</c> list (or <c>order</c>'s entries): each item at least one term.</summary>
    private static FilterInputSize Items(IEnumerable items)
    {
        var size = default(FilterInputSize);
        foreach (var item in items)
        {
            var part = Of(item);
            size = size.Plus(part with { Terms = Math.Max(1, part.Terms) });
        }

        return size;
    }

    private static bool IsScalarList(IEnumerable items)
    {
        foreach (var item in items)
        {
            return item is not IDictionary<string, object?>;
        }

        // An empty list of either kind is one term that tests nothing per value.
        return true;
    }

    private static int Count(IEnumerable items) => items is ICollection collection ? collection.Count : items.Cast<object?>().Count();

    private static int Saturate(long value) => value > int.MaxValue ? int.MaxValue : (int)value;
}
