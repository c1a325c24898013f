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
        if (parts.Length == 0)
        {
            return snake;
        }

        var sb = new StringBuilder(parts[0].ToLowerInvariant());
        foreach (var part in parts.Skip(1))
        {
            sb.Append(char.ToUpperInvariant(part[0])).Append(part.AsSpan(1));
        }

        return sb.ToString();
    }

    /// <summary>The GraphQL name of Waldur's own <c>id</c> property: only a Relay global id (<c>ID!</c> of a <c>Node</c>) is named <c>id</c>.</summary>
    public const string WaldurId = "waldurId";

    /// <summary>
    /// The GraphQL name a property gets by default: <paramref name="name"/>, except that <c>id</c> becomes <see cref="WaldurId"/>
    /// on every type, Node or not (Relay's compiler and runtime read any field named <c>id</c> as a global id).
    /// </summary>
    public static string NotRelayId(string name) => string.Equals(name, "id", StringComparison.Ordinal) ? WaldurId : name;

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
        if (word.Length > 1 && word.EndsWith('y') && !"aeiou".Contains(word[^2], StringComparison.Ordinal))
        {
            return word[..^1] + "ies";
        }

        if (word.EndsWith('s') || word.EndsWith('x') || word.EndsWith('z') || word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith("sh", StringComparison.Ordinal))
        {
            return word + "es";
        }

        return word + "s";
    }

    /// <summary>The last PascalCase word, lowercased: <c>DigitalOceanSize</c> → <c>size</c>.</summary>
    public static string NounOf(string typeName)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        var start = 0;
        for (var i = 1; i < typeName.Length; i++)
        {
            if (char.IsUpper(typeName[i]) && !char.IsUpper(typeName[i - 1]))
            {
                start = i;
            }
        }

        return typeName[start..].ToLowerInvariant();
    }

    public static string Capitalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }
}
