using System.Text;
using System.Text.RegularExpressions;

namespace Waldur.Catalog.Generator;

/// <summary>The outcome of comparing the checked-in catalog with what the spec and the overrides produce.</summary>
public sealed record CheckResult(bool UpToDate, string Message);

/// <summary>
/// Compares the checked-in <c>WaldurCatalog.g.cs</c> with freshly generated text and, when they differ, says which
/// resource and which field (or filter, order, property) differs first, with the first differing lines of both.
/// </summary>
public static partial class CatalogCheck
{
    private const int ShownLines = 6;

    public static CheckResult Compare(string checkedIn, string generated, string fileName = "WaldurCatalog.g.cs")
    {
        ArgumentNullException.ThrowIfNull(checkedIn);
        ArgumentNullException.ThrowIfNull(generated);
        var expected = Split(generated);
        var actual = Split(checkedIn.Replace("\r\n", "\n", StringComparison.Ordinal));
        var first = 0;
        while (first < expected.Length && first < actual.Length && expected[first] == actual[first])
        {
            first++;
        }

        if (first == expected.Length && first == actual.Length)
        {
            return new CheckResult(true, $"{fileName} is up to date.");
        }

        var isWrites = expected.Any(l => l.TrimStart().StartsWith("new WriteDescriptor(", StringComparison.Ordinal));
        var resource = isWrites
            ? "write " + (EnclosingWrite(expected, first) ?? EnclosingWrite(actual, first) ?? "(file header)")
            : "resource " + (Enclosing(expected, first) ?? Enclosing(actual, first) ?? "(file header)");
        var what = Describe(expected, first) ?? Describe(actual, first) ?? "its structure";
        var sb = new StringBuilder();
        sb.Append($"{fileName} is stale: {resource}, {what} differs (line {first + 1}). ");
        sb.Append($"Regenerate with `{CatalogWriter.Command}` and review the diff.\n");
        sb.Append("--- checked in\n");
        foreach (var line in actual.Skip(first).Take(ShownLines))
        {
            sb.Append("- ").Append(line).Append('\n');
        }

        sb.Append("+++ generated\n");
        foreach (var line in expected.Skip(first).Take(ShownLines))
        {
            sb.Append("+ ").Append(line).Append('\n');
        }

        return new CheckResult(false, sb.ToString());
    }

    private static string[] Split(string text) => text.Split('\n');

    /// <summary>The resource whose <c>TypeName:</c> line is the nearest at or above <paramref name="index"/>.</summary>
    private static string? Enclosing(string[] lines, int index)
    {
        for (var i = Math.Min(index, lines.Length - 1); i >= 0; i--)
        {
            var m = TypeNameLine().Match(lines[i]);
            if (m.Success)
            {
                return m.Groups[1].Value;
            }

            if (lines[i].TrimStart().StartsWith("new ResourceDescriptor(", StringComparison.Ordinal) && i < index)
            {
                var next = i + 1 < lines.Length ? TypeNameLine().Match(lines[i + 1]) : Match.Empty;
                if (next.Success)
                {
                    return next.Groups[1].Value;
                }
            }
        }

        return null;
    }

    /// <summary>The write whose <c>new WriteDescriptor(</c> is the nearest at or above <paramref name="index"/> (its next line names it).</summary>
    private static string? EnclosingWrite(string[] lines, int index)
    {
        for (var i = Math.Min(index, lines.Length - 1); i >= 0; i--)
        {
            var m = WriteNameLine().Match(lines[i]);
            if (m.Success)
            {
                return m.Groups[1].Value;
            }
        }

        return null;
    }

    private static string? Describe(string[] lines, int index)
    {
        if (index >= lines.Length)
        {
            return null;
        }

        var line = lines[index];
        var m = DescriptorLine().Match(line);
        if (m.Success)
        {
            return m.Groups[1].Value switch
            {
                "Field" => $"field {m.Groups[2].Value}",
                "Filter" => $"filter {m.Groups[2].Value}",
                "Order" => $"order on field {m.Groups[2].Value}",
                "ReverseConnection" => $"reverse connection {m.Groups[2].Value}",
                "InputField" => $"input field {m.Groups[2].Value}",
                _ => null,
            };
        }

        var p = PropertyLine().Match(line);
        return p.Success ? $"property {p.Groups[1].Value}" : null;
    }

    [GeneratedRegex("^\\s*TypeName: \"([^\"]*)\"")]
    private static partial Regex TypeNameLine();

    [GeneratedRegex("^\\s*Name: \"([^\"]*)\"")]
    private static partial Regex WriteNameLine();

    [GeneratedRegex("^\\s*new (Field|Filter|Order|ReverseConnection|InputField)Descriptor\\(\"([^\"]*)\"")]
    private static partial Regex DescriptorLine();

    [GeneratedRegex("^\\s*([A-Za-z]+): ")]
    private static partial Regex PropertyLine();
}
