using Waldur.Emulator.Data;

namespace Waldur.Emulator.Waldur;

/// <summary>
/// django-filter's form over an image query (U9–U13, U15): each value is the last one given, stripped as Django's
/// CharField does, empty means "not given"; null characters and a bad <c>o</c> are validation errors (400), reported
/// in the filter set's field order.
/// </summary>
internal sealed record FilterParameters(ImageFilter Filter, ImageOrdering Ordering, IReadOnlyList<KeyValuePair<string, string>> Errors)
{
    private const string NullCharacters = "Null characters are not allowed.";

    public static FilterParameters Read(QueryString query)
    {
        var errors = new List<KeyValuePair<string, string>>();
        var filter = new ImageFilter(
            Text(query, "name", errors),
            Text(query, "name_exact", errors),
            Text(query, "distribution", errors),
            Text(query, "type", errors));
        var ordering = ImageOrdering.Default;
        if (!ImageOrdering.TryParse(query.Last("o"), out ordering, out var bad))
        {
            errors.Add(new("o", $"Select a valid choice. {bad} is not one of the available choices."));
        }

        return new FilterParameters(filter, ordering, errors);
    }

    private static string? Text(QueryString query, string name, List<KeyValuePair<string, string>> errors)
    {
        var value = query.Last(name)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            errors.Add(new(name, NullCharacters));
            return null;
        }

        return value;
    }
}
