using System.Text;

namespace Waldur.Catalog.Generator;

/// <summary>The naming defaults the README documents: camelCase of snake_case, English plurals, nouns from type names.</summary>
public static class Naming
{
    /// <summary><c>min_disk_size</c> → <c>minDiskSize</c>.</summary>
    public static string CamelCase(string snake)
    {
        ArgumentNullException.ThrowIfNull(snake);
        var parts = snake.Split('_', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return snake;
        var sb = new StringBuilder(parts[0].ToLowerInvariant());
        foreach (var part in parts.Skip(1)) sb.Append(char.ToUpperInvariant(part[0])).Append(part.AsSpan(1));
        return sb.ToString();
    }

    /// <summary><c>DigitalOceanImage</c> → <c>digitalOceanImage</c>.</summary>
    public static string LowerCamel(string pascal)
    {
        ArgumentNullException.ThrowIfNull(pascal);
        return pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal[1..];
    }

    /// <summary>consonant+y → ies; s/x/z/ch/sh → es; otherwise +s.</summary>
    public static string Pluralise(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length > 1 && word.EndsWith('y') && !"aeiou".Contains(word[^2], StringComparison.Ordinal)) return word[..^1] + "ies";
        if (word.EndsWith('s') || word.EndsWith('x') || word.EndsWith('z') || word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith("sh", StringComparison.Ordinal))
            return word + "es";
        return word + "s";
    }

    /// <summary>The last PascalCase word, lowercased: <c>DigitalOceanSize</c> → <c>size</c>.</summary>
    public static string NounOf(string typeName)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        var start = 0;
        for (var i = 1; i < typeName.Length; i++)
            if (char.IsUpper(typeName[i]) && !char.IsUpper(typeName[i - 1])) start = i;
        return typeName[start..].ToLowerInvariant();
    }

    public static string Capitalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }
}
