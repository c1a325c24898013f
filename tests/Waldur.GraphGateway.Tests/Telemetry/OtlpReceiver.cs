using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Waldur.GraphGateway.Tests.Telemetry;

/// <summary>
/// An OTLP/HTTP receiver on a loopback port: the gateway's real exporter posts protobuf to <c>/v1/traces</c> (decoded
/// here) and <c>/v1/metrics</c> (accepted). Every request body is kept as well, to search for secrets byte by byte.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedSpan> _spans = new();
    private readonly ConcurrentQueue<byte[]> _bodies = new();

    private OtlpReceiver(WebApplication app) => _app = app;

    public Uri Endpoint => new(_app.Urls.First());

    public IReadOnlyList<ReceivedSpan> Spans => [.. _spans];

    public IReadOnlyList<byte[]> Bodies => [.. _bodies];

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/{signal}", async (string signal, HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            receiver._bodies.Enqueue(body);
            if (signal == "traces")
            {
                foreach (var span in OtlpTraceDecoder.Decode(body))
                {
                    receiver._spans.Enqueue(span);
                }
            }

            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Waits (bounded) until the spans of <paramref name="traceId"/> include one that <paramref name="done"/> accepts.</summary>
    public async Task<List<ReceivedSpan>> TraceAsync(string traceId, Func<IReadOnlyList<ReceivedSpan>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var trace = Spans.Where(s => s.TraceId == traceId).ToList();
            if (done(trace) || DateTime.UtcNow > deadline)
            {
                return trace;
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
