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
    private readonly Func<QueryString, string, List<KeyValuePair<string, string>>, Func<TRow, bool>?> _read;

    private TableFilter(string name, string semantics, string source, Func<QueryString, List<KeyValuePair<string, string>>, Func<TRow, bool>?> read)
        : this(name, semantics, source, (query, _, errors) => read(query, errors), readsToken: false)
    {
    }

    private TableFilter(
        string name, string semantics, string source, Func<QueryString, string, List<KeyValuePair<string, string>>, Func<TRow, bool>?> read, bool readsToken)
    {
        Name = name;
        Semantics = semantics;
        Source = source;
        _read = read;
        ReadsToken = readsToken;
    }

    public string Name { get; }

    /// <summary>A short human description, e.g. <c>icontains</c>.</summary>
    public string Semantics { get; }

    /// <summary>The Waldur file and class that define the filter, or <c>[UNVERIFIED] …</c>.</summary>
    public string Source { get; }

    /// <summary>Whether the rows it keeps depend on the caller (<see cref="Custom"/>, <see cref="BoolMethod"/>).</summary>
    public bool ReadsToken { get; }

    public Func<TRow, bool>? Read(QueryString query, string token, List<KeyValuePair<string, string>> errors) => _read(query, token, errors);

    /// <summary>A filter whose effect depends on the caller (method filters and backends that read <c>request.user</c>).
    /// <paramref name="read"/> gets the query, the token and the error list.</summary>
    public static TableFilter<TRow> Custom(
        string name, string semantics, string source, Func<QueryString, string, List<KeyValuePair<string, string>>, Func<TRow, bool>?> read) =>
        new(name, semantics, source, read, readsToken: true);

    /// <summary>A method filter over the stripped, non-empty last value (no validation).</summary>
    public static TableFilter<TRow> Method(string name, string semantics, string source, Func<string, Func<TRow, bool>> read) =>
        new(name, semantics, source, (query, errors) => Text(query, name, errors) is { } text ? read(text) : null);

    /// <summary><c>BaseInFilter</c> over uuids (<c>RelatedUUIDInFilter</c>, <c>CustomerInFilter</c>): ONE parameter,
    /// comma-separated, OR; every element must be a uuid, else <c>Enter a valid UUID.</c>.</summary>
    public static TableFilter<TRow> CsvUuid(string name, Func<TRow, string> value, string source) =>
        new(name, "csv uuid (one parameter, comma-separated, OR)", source, (query, errors) =>
        {
            var text = Text(query, name, errors);
            if (text is null)
            {
                return null;
            }

            var uuids = text.Split(',').Select(p => UuidLookup.Normalize(p.Trim())).ToList();
            if (uuids.Any(u => u is null))
            {
                errors.Add(new(name, "Enter a valid UUID."));
                return null;
            }

            var wanted = uuids.ToHashSet(StringComparer.Ordinal);
            return row => wanted.Contains(value(row));
        });

    /// <summary><c>BaseInFilter</c> over text (<c>CharInFilter</c>): one comma-separated parameter, exact, OR.</summary>
    public static TableFilter<TRow> Csv(string name, Func<TRow, string> value, string source) =>
        new(name, "csv exact (one parameter, comma-separated, OR)", source, (query, errors) =>
        {
            var text = Text(query, name, errors);
            if (text is null)
            {
                return null;
            }

            var wanted = text.Split(',').ToHashSet(StringComparer.Ordinal);
            return row => wanted.Contains(value(row));
        });

    /// <summary><c>LooseMultipleChoiceFilter</c>: repeated, OR, exact, unvalidated (an unknown value matches nothing).</summary>
    public static TableFilter<TRow> Loose(string name, Func<TRow, string> value, string source) =>
        new(name, "repeated exact (OR), unvalidated", source, (query, _) =>
        {
            var values = query.All(name).Where(v => v.Length > 0).ToHashSet(StringComparer.Ordinal);
            return values.Count == 0 ? null : row => values.Contains(value(row));
        });

    /// <summary><c>BooleanFilter</c>. <paramref name="widget"/>: django-filter's <c>BooleanWidget</c> (<c>true/false/1/0</c>,
    /// any case); otherwise Django's <c>NullBooleanSelect</c> (<c>true/True/false/False</c>, legacy <c>2</c>/<c>3</c>).
    /// Anything else is ignored.</summary>
    public static TableFilter<TRow> Bool(string name, Func<TRow, bool> value, string source, bool widget = false) =>
        new(name, widget ? "boolean (true/false/1/0)" : "boolean (true/false)", source, (query, _) =>
            ParseBool(query.Last(name), widget) is { } wanted ? row => value(row) == wanted : null);

    /// <summary>A boolean method filter: <paramref name="read"/> gets the parsed value (called for false too, C4 <c>m:</c>).</summary>
    public static TableFilter<TRow> BoolMethod(string name, string semantics, string source, Func<bool, string, Func<TRow, bool>?> read, bool widget = true) =>
        new(name, semantics, source, (query, token, _) => ParseBool(query.Last(name), widget) is { } wanted ? read(wanted, token) : null, readsToken: true);

    /// <summary><c>DateTimeFilter</c>/<c>DateFilter</c> with a comparison (<c>gte</c> for "created after"): an ISO date or
    /// date-time (naive means UTC); anything else is <c>Enter a valid date/time.</c> (<c>Enter a valid date.</c>).</summary>
    public static TableFilter<TRow> Time(string name, Func<TRow, DateTimeOffset> value, string comparison, string source, bool dateOnly = false) =>
        new(name, $"{(dateOnly ? "date" : "date-time")} {comparison}", source, (query, errors) =>
        {
            var text = Text(query, name, errors);
            if (text is null)
            {
                return null;
            }

            DateTimeOffset at;
            if (dateOnly)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    errors.Add(new(name, "Enter a valid date."));
                    return null;
                }

                at = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            }
            else if (!TryParseDateTime(text, out at))
            {
                errors.Add(new(name, "Enter a valid date/time."));
                return null;
            }

            return comparison switch
            {
                "gte" => row => value(row) >= at,
                "gt" => row => value(row) > at,
                "lt" => row => value(row) < at,
                "lte" => row => value(row) <= at,
                _ => row => value(row) == at,
            };
        });

    /// <summary><c>URLFilter</c> (C4 <c>url</c>): an absolute or <c>/</c>-relative url of <paramref name="prefix"/>'s detail
    /// view filters on the uuid in it; any other url or value matches nothing.</summary>
    public static TableFilter<TRow> Url(string name, string prefix, Func<TRow, string> value, string source) =>
        new(name, $"url of {prefix}{{uuid}}/", source, (query, errors) =>
        {
            var text = Text(query, name, errors);
            if (text is null)
            {
                return null;
            }

            var path = Uri.TryCreate(text, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : text;
            var uuid = path.StartsWith(prefix, StringComparison.Ordinal) ? UuidLookup.Normalize(path[prefix.Length..].TrimEnd('/')) : null;
            return uuid is null ? _ => false : row => string.Equals(value(row), uuid, StringComparison.Ordinal);
        });

    public static bool? ParseBool(string? text, bool widget) => widget
        ? text?.ToUpperInvariant() switch { "TRUE" or "1" => true, "FALSE" or "0" => false, _ => null }
        : text switch { "true" or "True" or "2" => true, "false" or "False" or "3" => false, _ => null };

    private static bool TryParseDateTime(string text, out DateTimeOffset at)
    {
        string[] formats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss",
            "yyyy-MM-dd'T'HH:mm:ss.FFFFFF", "yyyy-MM-dd HH:mm:ss.FFFFFF", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFK"];
        return DateTimeOffset.TryParseExact(text.Replace("Z", "+00:00", StringComparison.Ordinal), formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);
    }

    /// <summary><c>CharFilter(lookup_expr="icontains")</c>: case-insensitive substring, wildcards literal (U9).
    /// <paramref name="upper"/>, when given, is the value already folded (<c>ToUpperInvariant</c>) so that a scan of a
    /// large table does not fold every row again.</summary>
    public static TableFilter<TRow> Contains(string name, Func<TRow, string> value, string source, Func<TRow, string>? upper = null) =>
        new(name, "icontains", source, (query, errors) =>
        {
            var text = Text(query, name, errors);
            if (text is null)
            {
                return null;
            }

            return upper is null ? Folded(row => value(row).ToUpperInvariant(), text) : Folded(upper, text);
        });

    // Built apart from the reads above: a lambda there capturing their locals would cost an allocation on every read,
    // the parameter given or not.
    private static Func<TRow, bool> Folded(Func<TRow, string> upper, string text)
    {
        var wanted = text.ToUpperInvariant();
        return row => upper(row).Contains(wanted, StringComparison.Ordinal);
    }

    private static Func<TRow, bool> Equal(Func<TRow, string> value, string text) =>
        row => string.Equals(value(row), text, StringComparison.Ordinal);

    /// <summary><c>CharFilter()</c> (lookup <c>exact</c>): exact and case-sensitive (U9, U10).</summary>
    public static TableFilter<TRow> Exact(string name, Func<TRow, string> value, string source) =>
        new(name, "exact", source, (query, errors) =>
        {
            var text = Text(query, name, errors);
            return text is null ? null : Equal(value, text);
        });

    /// <summary><c>UUIDFilter</c>: Django's <c>forms.UUIDField</c> (stripped, any form <c>uuid.UUID()</c> accepts);
    /// anything else is <c>Enter a valid UUID.</c>.</summary>
    public static TableFilter<TRow> Uuid(string name, Func<TRow, string> value, string source) =>
        new(name, "uuid exact", source, (query, errors) =>
        {
            if (UuidParameter.Read(query, name, errors) is not { } uuid)
            {
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
