namespace Waldur.Emulator.Waldur;

/// <summary>
/// One <c>UUIDFilter</c> parameter as django-filter reads it: the last value, stripped; absent or empty is no filter
/// (null); anything Django's <c>forms.UUIDField</c> refuses adds <c>Enter a valid UUID.</c> to the 400's errors.
/// </summary>
internal static class UuidParameter
{
    public static string? Read(QueryString query, string name, List<KeyValuePair<string, string>> errors)
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
        }

        return uuid;
    }
}
