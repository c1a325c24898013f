using System.Text.Json.Nodes;
using Xunit;

namespace Waldur.GraphGateway.Tests.Snapshots;

/// <summary>The snapshot helper itself: what it writes, and what a mismatch shows.</summary>
public class MarkdownSnapshotTests
{
    [Fact]
    public void Render_writes_query_variables_result_and_sorted_requests_in_fenced_sections()
    {
        var exchange = new GraphQLExchange("{ a b }\r\n", JsonNode.Parse("""{"errors":[{"path":["b"]},{"path":["a"]}],"data":{"z":1,"a":"x+y"}}""")!)
        {
            Variables = new { First = 3 },
            Waldur = [new("GET", "/b/", "", 200), new("HEAD", "/a/", "?name=x", 200)],
            WaldurOrder = WaldurOrder.Sorted,
            SortErrorsByPath = true,
        };

        var text = MarkdownSnapshot.Render(exchange, "C.Some_test", "Some_test");

        Assert.StartsWith("# Some test\n\n`C.Some_test`\n\n## Query\n\n```graphql\n{ a b }\n```\n\n## Variables\n\n```json\n{\n  \"first\": 3\n}\n```\n", text, StringComparison.Ordinal);
        Assert.Contains("\"z\": 1,\n    \"a\": \"x+y\"", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("\"a\"\n", StringComparison.Ordinal) < text.IndexOf("\"b\"\n", StringComparison.Ordinal), text);
        Assert.Contains("sorted by `path`", text, StringComparison.Ordinal);
        Assert.EndsWith("(sorted: they run concurrently and reach the journal in any order): 2\n\n```text\nGET /b/ -> 200\nHEAD /a/?name=x -> 200\n```\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', text);
    }

    [Fact]
    public void Diff_shows_the_changed_line_with_context_not_everything_after_it()
    {
        var diff = MarkdownSnapshot.Diff("a\nb\nc\nd\ne\n", "a\nb\nc\nD\ne\n");

        Assert.Equal("@@ -4,1 +4,1 @@\n  a\n  b\n  c\n- d\n+ D\n", diff);
    }
}
