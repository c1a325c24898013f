using System.Globalization;

namespace Waldur.Emulator.Waldur;

/// <summary>
/// One row of a resource's filter table: a query parameter, what it matches and where Waldur defines it
/// (<see cref="Source"/>, for the README and for reviewers). <see cref="Read"/> is django-filter's form field: it returns
/// null when the parameter is absent or empty (U11), adds a validation error when the value is invalid, and otherwise
/// returns the row predicate.
/// </summary>
internal sealed class TableFilter<TRow>
{
    private readonly Func<QueryString, List<KeyValuePair<string, string>>, Func<TRow, bool>?> _read;

    private TableFilter(string name, string semantics, string source, Func<QueryString, List<KeyValuePair<string, string>>, Func<TRow, bool>?> read)
    {
        Name = name;
        Semantics = semantics;
        Source = source;
        _read = read;
    }

    public string Name { get; }

    /// <summary>A short human description, e.g. <c>icontains</c>.</summary>
    public string Semantics { get; }

    /// <summary>The Waldur file and class that define the filter, or <c>[UNVERIFIED] …</c>.</summary>
    public string Source { get; }

    public Func<TRow, bool>? Read(QueryString query, List<KeyValuePair<string, string>> errors) => _read(query, errors);

    /// <summary><c>CharFilter(lookup_expr="icontains")</c>: case-insensitive substring, wildcards literal (U9).</summary>
    public static TableFilter<TRow> Contains(string name, Func<TRow, string> value, string source) =>
        new(name, "icontains", source, (query, errors) =>
        {
            var text = Text(query, name, errors);
            if (text is null)
            {
                return null;
            }

            var upper = text.ToUpperInvariant();
            return row => value(row).ToUpperInvariant().Contains(upper, StringComparison.Ordinal);
        });

    /// <summary><c>CharFilter()</c> (lookup <c>exact</c>): exact and case-sensitive (U9, U10).</summary>
    public static TableFilter<TRow> Exact(string name, Func<TRow, string> value, string source) =>
        new(name, "exact", source, (query, errors) =>
        {
            var text = Text(query, name, errors);
            return text is null ? null : row => string.Equals(value(row), text, StringComparison.Ordinal);
        });

    /// <summary><c>UUIDFilter</c>: Django's <c>forms.UUIDField</c> (stripped, any form <c>uuid.UUID()</c> accepts);
    /// anything else is <c>Enter a valid UUID.</c>.</summary>
    public static TableFilter<TRow> Uuid(string name, Func<TRow, string> value, string source) =>
        new(name, "uuid exact", source, (query, errors) =>
        {
            var text = query.Last(name)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            var uuid = UuidLookup.Normalize(text);
            if (uuid is null)
            {
                errors.Add(new(name, "Enter a valid UUID."));
                return null;
            }

            return row => string.Equals(value(row), uuid, StringComparison.Ordinal);
        });

    /// <summary>A generated <c>NumberFilter</c> (Meta.fields on an integer model field, lookup <c>exact</c>): Django's
    /// <c>forms.DecimalField</c>, <c>Enter a number.</c> when not a finite number; Django's <c>IntegerField</c> then takes
    /// <c>int()</c> of the decimal, so <c>1.5</c> matches 1.</summary>
    public static TableFilter<TRow> Number(string name, Func<TRow, long> value, string source) =>
        new(name, "number exact", source, (query, errors) =>
        {
            var text = query.Last(name)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                errors.Add(new(name, "Enter a number."));
                return null;
            }

            var truncated = decimal.Truncate(number);
            if (truncated is > long.MaxValue or < long.MinValue)
            {
                return _ => false;
            }

            var wanted = (long)truncated;
            return row => value(row) == wanted;
        });

    /// <summary><c>MultipleChoiceFilter</c> (Waldur's <c>MappedMultipleChoiceFilter</c>): every value of a repeated
    /// parameter counts (OR); each must be one of <paramref name="choices"/> exactly (case-sensitive), including an empty
    /// one, or the request is <c>Select a valid choice. X is not one of the available choices.</c></summary>
    public static TableFilter<TRow> Choices(string name, Func<TRow, string> value, IReadOnlyCollection<string> choices, string source) =>
        new(name, "multiple choice (repeat for OR)", source, (query, errors) =>
        {
            var values = query.All(name);
            if (values.Count == 0)
            {
                return null;
            }

            var bad = values.FirstOrDefault(v => !choices.Contains(v));
            if (bad is not null)
            {
                errors.Add(new(name, $"Select a valid choice. {bad} is not one of the available choices."));
                return null;
            }

            var wanted = values.ToHashSet(StringComparer.Ordinal);
            return row => wanted.Contains(value(row));
        });

    /// <summary>A parameter Waldur declares that never narrows the emulator's rows (documented in <paramref name="why"/>).</summary>
    public static TableFilter<TRow> NoEffect(string name, string why, string source) =>
        new(name, "no effect: " + why, source, (_, _) => null);

    // Django's CharField: the last value, stripped; empty means not given; null characters are a validation error.
    private static string? Text(QueryString query, string name, List<KeyValuePair<string, string>> errors)
    {
        var value = query.Last(name)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            errors.Add(new(name, "Null characters are not allowed."));
            return null;
        }

        return value;
    }
}

/// <summary>One <c>o</c> choice of a resource (django-filter's <c>OrderingFilter</c>); <c>-name</c> is implied.</summary>
internal sealed record TableOrder<TRow>(string Name, Comparison<TRow> Compare);
