using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry;

namespace Waldur.GraphGateway.Telemetry;

/// <summary>
/// Shapes HttpClient's spans for Waldur calls: the retry attempt (<c>http.request.resend_count</c>), and a route
/// template instead of the URL, so a span names <c>GET /api/digitalocean-images/{uuid}/</c> and never carries a uuid
/// or a filter value from the query string (HttpClient sets <c>url.full</c> only once the span runs, hence OnEnd).
/// </summary>
internal sealed partial class OutgoingCallSpanProcessor : BaseProcessor<Activity>
{
    public const string HttpClientSource = "System.Net.Http";

    public override void OnStart(Activity data)
    {
        if (data?.Source.Name == HttpClientSource && WaldurCalls.Attempt is var attempt and > 0)
        {
            data.SetTag("http.request.resend_count", attempt);
        }
    }

    public override void OnEnd(Activity data)
    {
        if (data?.Source.Name != HttpClientSource || data.GetTagItem("url.full") is not string url
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return;
        }

        var template = Template(uri.AbsolutePath);
        data.SetTag("url.template", template);
        data.SetTag("url.full", uri.GetLeftPart(UriPartial.Authority) + template);
        data.DisplayName = $"{data.GetTagItem("http.request.method")} {template}";
    }

    /// <summary>The path with every uuid segment (32 hex digits, dashed or not) replaced by <c>{uuid}</c>.</summary>
    public static string Template(string path) => UuidSegment().Replace(path, "{uuid}");

    [GeneratedRegex("(?<=/)(?:[0-9a-fA-F]{32}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?=/|$)")]
    private static partial Regex UuidSegment();
}
