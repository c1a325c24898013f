using System.Text;

namespace Waldur.GraphGateway.Tests.Telemetry;

/// <summary>The spans of one trace as parent/child relations, and as an indented tree for the test output (and the README).</summary>
public sealed class TraceTree(IReadOnlyList<ReceivedSpan> spans)
{
    private static readonly string[] ShownAttributes =
    [
        "graphql.operation.name", "graphql.error.codes", "waldur_gateway.planner.mode", "waldur_gateway.pushdown.parameters",
        "waldur_gateway.window.pages", "waldur_gateway.window.page_size", "waldur_gateway.scan.pages", "waldur_gateway.scan.rows", "waldur_gateway.dataloader", "waldur_gateway.dataloader.keys",
        "http.response.status_code", "http.request.resend_count",
    ];

    public IReadOnlyList<ReceivedSpan> Spans => spans;

    public bool Descends(ReceivedSpan span, ReceivedSpan ancestor)
    {
        var byId = spans.ToDictionary(s => s.SpanId);
        for (var current = span; byId.TryGetValue(current.ParentSpanId, out var parent); current = parent)
        {
            if (parent.SpanId == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }

    public string Render()
    {
        var ids = spans.Select(s => s.SpanId).ToHashSet();
        var text = new StringBuilder();
        foreach (var root in spans.Where(s => !ids.Contains(s.ParentSpanId)).OrderBy(s => s.StartNanos))
        {
            Render(root, 0, text);
        }

        return text.ToString();
    }

    private void Render(ReceivedSpan span, int depth, StringBuilder text)
    {
        var shown = ShownAttributes.Where(span.Attributes.ContainsKey).Select(k => $"{k}={span.Attributes[k]}");
        text.Append(' ', depth * 2).Append(span.Name).Append("  (").Append(span.Scope).Append(") ").AppendJoin(" ", shown).AppendLine();
        foreach (var child in spans.Where(s => s.ParentSpanId == span.SpanId).OrderBy(s => s.StartNanos))
        {
            Render(child, depth + 1, text);
        }
    }
}
