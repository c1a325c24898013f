using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace Waldur.GraphGateway.Tests.Snapshots;

/// <summary>In which order a snapshot lists the Waldur requests of its query.</summary>
public enum WaldurOrder
{
    /// <summary>As the emulator's journal recorded them: for queries whose requests run one after another.</summary>
    AsRecorded,

    /// <summary>Sorted (ordinal): for requests that run concurrently and reach the journal in any order. The file says so.</summary>
    Sorted,
}

/// <summary>
/// One GraphQL exchange as a snapshot records it: the query, its variables, the result, and the Waldur requests it caused.
/// </summary>
/// <param name="Query">The GraphQL document as sent.</param>
/// <param name="Result">The response body as received.</param>
public sealed record GraphQLExchange(string Query, JsonNode Result)
{
    /// <summary>The variables sent with the query, if any (serialised with System.Text.Json's web defaults, as sent).</summary>
    public object? Variables { get; init; }

    /// <summary>The emulator journal for the query; <c>null</c> leaves the section out (say why in <see cref="Note"/>).</summary>
    public IReadOnlyList<JournalEntry>? Waldur { get; init; }

    public WaldurOrder WaldurOrder { get; init; } = WaldurOrder.AsRecorded;

    /// <summary>
    /// Errors of fields that resolve concurrently reach the response in any order: when set, the result's
    /// <c>errors</c> are sorted by <c>path</c> (the file says so). Everything else stays as received.
    /// </summary>
    public bool SortErrorsByPath { get; init; }

    /// <summary>A sentence written under the heading (e.g. why a section is left out).</summary>
    public string? Note { get; init; }
}

/// <summary>
/// Markdown snapshots, one file per test, beside the test in <c>__snapshots__/Class.Method[.name].md</c>: a heading,
/// the query (<c>graphql</c>), the variables (<c>json</c>), the result pretty-printed by System.Text.Json (<c>json</c>,
/// properties in the order received) and the Waldur requests (<c>text</c>), each in its own fenced section.
/// <para>
/// A missing snapshot is written and the test fails ("snapshot created, re-run"). A different one fails with the first
/// differing lines and the actual text written beside it as <c>*.actual.md</c> (git-ignored). With
/// <c>UPDATE_SNAPSHOTS=1</c> both cases (re)write the snapshot and pass. Line endings are normalised to <c>\n</c>.
/// </para>
/// </summary>
public static partial class MarkdownSnapshot
{
    public const string UpdateVariable = "UPDATE_SNAPSHOTS";

    /// <summary>How <see cref="GatewayHost"/> sends variables (JsonContent's web defaults).</summary>
    private static readonly JsonSerializerOptions SentAs = new(JsonSerializerDefaults.Web);

    private static readonly JsonSerializerOptions Pretty = new()
    {
        WriteIndented = true,
        // Test output for humans: keep '+', '<', '&' and non-ASCII as they are instead of \uXXXX.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Compares <paramref name="exchange"/> with the test's snapshot (see the type's summary).</summary>
    /// <param name="name">Tells the snapshots of one test apart (theory cases, several exchanges); part of the file name.</param>
    public static void Match(GraphQLExchange exchange, string? name = null,
        [CallerFilePath] string testFile = "", [CallerMemberName] string testMethod = "")
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var testClass = Path.GetFileNameWithoutExtension(testFile);
        var id = $"{testClass}.{testMethod}{(name is null ? "" : "." + name)}";
        Compare(Render(exchange, id, testMethod, name), Path.Combine(SnapshotDirectory(testFile), id + ".md"));
    }

    /// <summary>The Markdown text of an exchange (exposed for the helper's own tests).</summary>
    public static string Render(GraphQLExchange exchange, string id, string testMethod, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var text = new StringBuilder();
        Heading(text, id, testMethod, name);
        if (exchange.Note is not null)
        {
            text.Append(exchange.Note.Trim()).Append("\n\n");
        }

        RenderExchange(text, exchange, "##");
        return text.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>
    /// Compares several exchanges that make one story (a write, its refusals, the read after it) with one snapshot: each
    /// under its own <c>##</c> heading, in the order given.
    /// </summary>
    public static void MatchSteps(IReadOnlyList<(string Title, GraphQLExchange Exchange)> steps, string? name = null,
        [CallerFilePath] string testFile = "", [CallerMemberName] string testMethod = "")
    {
        ArgumentNullException.ThrowIfNull(steps);
        var testClass = Path.GetFileNameWithoutExtension(testFile);
        var id = $"{testClass}.{testMethod}{(name is null ? "" : "." + name)}";
        var text = new StringBuilder();
        Heading(text, id, testMethod, name);
        foreach (var (title, exchange) in steps)
        {
            text.Append("## ").Append(title).Append("\n\n");
            if (exchange.Note is not null)
            {
                text.Append(exchange.Note.Trim()).Append("\n\n");
            }

            RenderExchange(text, exchange, "###");
        }

        Compare(text.ToString().TrimEnd('\n') + "\n", Path.Combine(SnapshotDirectory(testFile), id + ".md"));
    }

    private static void Heading(StringBuilder text, string id, string testMethod, string? name)
    {
        text.Append("# ").Append(testMethod.Replace('_', ' ')).Append(name is null ? "" : $" ({name})").Append("\n\n");
        text.Append('`').Append(id).Append("`\n\n");
    }

    private static void RenderExchange(StringBuilder text, GraphQLExchange exchange, string level)
    {
        Section(text, level, "Query", "graphql", Dedent(exchange.Query));
        if (exchange.Variables is not null)
        {
            Section(text, level, "Variables", "json",
                JsonSerializer.SerializeToNode(exchange.Variables, SentAs)!.ToJsonString(Pretty));
        }

        var result = exchange.Result.DeepClone();
        var resultTitle = "Result";
        if (exchange.SortErrorsByPath && result["errors"] is JsonArray errors)
        {
            var sorted = errors.Select(e => e!.DeepClone()).OrderBy(e => e["path"]?.ToJsonString() ?? "", StringComparer.Ordinal).ToList();
            errors.Clear();
            sorted.ForEach(errors.Add);
            resultTitle = "Result (`errors` sorted by `path`: concurrent fields fail in any order)";
        }

        Section(text, level, resultTitle, "json", result.ToJsonString(Pretty));
        if (exchange.Waldur is { } journal)
        {
            var lines = journal.Select(j => j.ToString());
            var title = "Waldur requests (as recorded)";
            if (exchange.WaldurOrder == WaldurOrder.Sorted)
            {
                lines = lines.Order(StringComparer.Ordinal);
                title = "Waldur requests (sorted: they run concurrently and reach the journal in any order)";
            }

            var body = string.Join('\n', lines);
            Section(text, level, $"{title}: {journal.Count}", "text", body.Length == 0 ? "(none)" : body);
        }
    }

    /// <summary>A section's body, with the emulator's loopback origin (a new port each run) written <c>{waldur}</c>: the
    /// URLs Waldur answers and the gateway sends stay visible and the snapshot still repeats.</summary>
    private static void Section(StringBuilder text, string level, string title, string language, string body) =>
        text.Append(level).Append(' ').Append(title).Append("\n\n```").Append(language).Append('\n')
            .Append(LoopbackOrigin().Replace(Normalise(body).Trim('\n'), "{waldur}")).Append("\n```\n\n");

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex LoopbackOrigin();

    private static void Compare(string actual, string path)
    {
        var actualPath = Path.ChangeExtension(path, ".actual.md");
        var update = Environment.GetEnvironmentVariable(UpdateVariable) is "1" or "true" or "True";
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            File.Delete(actualPath);
            if (!update)
            {
                Assert.Fail($"snapshot created, re-run: {path} (set {UpdateVariable}=1 to create snapshots without failing)");
            }

            return;
        }

        var expected = Normalise(File.ReadAllText(path));
        if (expected == actual)
        {
            File.Delete(actualPath);
            return;
        }

        if (update)
        {
            File.WriteAllText(path, actual);
            File.Delete(actualPath);
            return;
        }

        File.WriteAllText(actualPath, actual);
        Assert.Fail($"snapshot mismatch: {path}\nactual written to {actualPath} (accept it with {UpdateVariable}=1)\n{Diff(expected, actual)}");
    }

    /// <summary>The first differing lines, with three lines of context before, as <c>-expected</c>/<c>+actual</c>.</summary>
    internal static string Diff(string expected, string actual, int context = 3, int shown = 12)
    {
        var (a, b) = (expected.Split('\n'), actual.Split('\n'));
        var first = 0;
        while (first < a.Length && first < b.Length && a[first] == b[first])
        {
            first++;
        }

        // Align the ends too, so a changed line shows as one change rather than as everything after it.
        var (endA, endB) = (a.Length, b.Length);
        while (endA > first && endB > first && a[endA - 1] == b[endB - 1])
        {
            endA--;
            endB--;
        }

        var diff = new StringBuilder();
        var start = Math.Max(0, first - context);
        diff.Append(System.Globalization.CultureInfo.InvariantCulture, $"@@ -{first + 1},{endA - first} +{first + 1},{endB - first} @@\n");
        for (var i = start; i < first; i++)
        {
            diff.Append("  ").Append(a[i]).Append('\n');
        }

        foreach (var line in a[first..endA].Take(shown))
        {
            diff.Append("- ").Append(line).Append('\n');
        }

        if (endA - first > shown)
        {
            diff.Append(System.Globalization.CultureInfo.InvariantCulture, $"- … {endA - first - shown} more\n");
        }

        foreach (var line in b[first..endB].Take(shown))
        {
            diff.Append("+ ").Append(line).Append('\n');
        }

        if (endB - first > shown)
        {
            diff.Append(System.Globalization.CultureInfo.InvariantCulture, $"+ … {endB - first - shown} more\n");
        }

        return diff.ToString();
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    /// <summary>Raw string literals in tests keep their indentation relative to the closing quotes; strip what all lines share.</summary>
    private static string Dedent(string query)
    {
        var lines = Normalise(query).Trim('\n').Split('\n').Select(l => l.TrimEnd()).ToList();
        var indent = lines.Where(l => l.Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l));
    }

    /// <summary>
    /// <c>__snapshots__</c> beside the test's source file. The compiler's path is used when it exists on this machine;
    /// otherwise (a build with a path map, or moved sources) the part from <c>tests/</c> on is found under the checkout.
    /// </summary>
    private static string SnapshotDirectory(string testFile)
    {
        var directory = Path.GetDirectoryName(testFile) ?? "";
        if (!Directory.Exists(directory))
        {
            var normalised = testFile.Replace('\\', '/');
            var at = normalised.LastIndexOf("/tests/", StringComparison.Ordinal);
            if (at < 0)
            {
                throw new InvalidOperationException($"cannot place the snapshot of {testFile}: not under tests/");
            }

            directory = Path.GetDirectoryName(Path.Combine(RepositoryRoot.Path, normalised[(at + 1)..]))!;
        }

        return Path.Combine(directory, "__snapshots__");
    }
}
