namespace Waldur.Catalog.Model;

/// <summary>How a Waldur query parameter compares its value with a field (from the filterset that declares it).</summary>
public enum FilterLookup
{
    /// <summary><c>?p=v</c>: equal, case-sensitive (<c>eq</c>, and <c>in</c> with one value).</summary>
    Exact,

    /// <summary><c>?p=v</c>: case-insensitive substring (django <c>icontains</c>; <c>contains</c>).</summary>
    IContains,

    /// <summary><c>?p=v</c>: the field is at or after <c>v</c> (<c>gte</c>).</summary>
    After,

    /// <summary><c>?p=v</c>: the field is at or before <c>v</c> (<c>lte</c>).</summary>
    Before,

    /// <summary><c>?p=a,b</c>: equal to one of the comma-separated values (<c>in</c>).</summary>
    CsvMulti,

    /// <summary><c>?p=a&amp;p=b</c>: equal to one of the repeated values (<c>in</c>).</summary>
    RepeatedMulti,

    /// <summary><c>?p=true|false</c>: equal (<c>eq</c> on a Boolean field).</summary>
    Boolean,
}
