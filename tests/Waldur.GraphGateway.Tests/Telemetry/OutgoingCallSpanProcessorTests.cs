using System.Diagnostics;
using Waldur.GraphGateway.Telemetry;
using Xunit;

namespace Waldur.GraphGateway.Tests.Telemetry;

/// <summary>Attribute hygiene of HttpClient spans: uuids become <c>{uuid}</c>, query strings (filter values) go, retries are numbered.</summary>
public sealed class OutgoingCallSpanProcessorTests : IDisposable
{
    private const string Uuid = "be4307043a334e7783b363d77d310bbe";
    private readonly ActivitySource _http = new(OutgoingCallSpanProcessor.HttpClientSource);
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name == OutgoingCallSpanProcessor.HttpClientSource,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    public OutgoingCallSpanProcessorTests() => ActivitySource.AddActivityListener(_listener);

    [Theory]
    [InlineData("/api/digitalocean-images/", "/api/digitalocean-images/")]
    [InlineData($"/api/digitalocean-images/{Uuid}/", "/api/digitalocean-images/{uuid}/")]
    [InlineData("/api/customers/be430704-3a33-4e77-83b3-63d77d310bbe/users/", "/api/customers/{uuid}/users/")]
    [InlineData($"/api/x/{Uuid}", "/api/x/{uuid}")]
    [InlineData("/api/names/be4307043a334e7783b363d77d310bbeX/", "/api/names/be4307043a334e7783b363d77d310bbeX/")]
    public void A_path_becomes_its_template(string path, string template) =>
        Assert.Equal(template, OutgoingCallSpanProcessor.Template(path));

    [Fact]
    public void A_Waldur_call_span_names_its_template_and_keeps_no_uuid_nor_query_value()
    {
        using var processor = new OutgoingCallSpanProcessor();
        using var activity = _http.StartActivity("GET")!;
        activity.SetTag("http.request.method", "GET");
        activity.SetTag("url.full", $"http://waldur:8000/api/digitalocean-images/{Uuid}/?name=secret-value&field=uuid");

        processor.OnEnd(activity);

        Assert.Equal("http://waldur:8000/api/digitalocean-images/{uuid}/", activity.GetTagItem("url.full"));
        Assert.Equal("/api/digitalocean-images/{uuid}/", activity.GetTagItem("url.template"));
        Assert.Equal("GET /api/digitalocean-images/{uuid}/", activity.DisplayName);
        Assert.DoesNotContain(activity.TagObjects, t => t.Value?.ToString()?.Contains("secret", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void A_retry_is_numbered_and_a_first_attempt_is_not()
    {
        using var processor = new OutgoingCallSpanProcessor();
        using (var first = _http.StartActivity("GET")!)
        {
            processor.OnStart(first);
            Assert.Null(first.GetTagItem("http.request.resend_count"));
        }

        WaldurCalls.AttemptStarting(2);
        using var retry = _http.StartActivity("GET")!;
        processor.OnStart(retry);
        Assert.Equal(2, retry.GetTagItem("http.request.resend_count"));
    }

    public void Dispose()
    {
        _listener.Dispose();
        _http.Dispose();
    }
}
