using System.Text;
using System.Text.Json;
using Waldur.Emulator.Faults;
using Waldur.Emulator.Journal;

namespace Waldur.Emulator.Control;

/// <summary>
/// The emulator's own surface under <c>/__emulator/</c> (never journaled, never faulted): <c>requests</c> (GET, DELETE),
/// <c>faults</c> (GET, PUT, DELETE) and <c>health</c> (GET).
/// </summary>
internal sealed class ControlEndpoints(RequestDelegate next, RequestJournal journal, FaultState faults)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // Entries of reads carry no body: the key is left out, so their JSON is what it was before writes existed.
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (!path.StartsWith("/__emulator/", StringComparison.Ordinal))
        {
            return next(context);
        }

        var method = context.Request.Method;
        return (path.TrimEnd('/'), method) switch
        {
            ("/__emulator/requests", "GET") => context.Request.Query.ContainsKey("details")
                ? WriteAsync(context, 200, journal.Snapshot().Select(e => new { e.Method, e.Path, e.Query, e.Status, e.AtMs, e.HeaderNames, e.ResponseBytes, e.Body }))
                : WriteAsync(context, 200, journal.Snapshot().Select(e => new { e.Method, e.Path, e.Query, e.Status, e.Body })),
            ("/__emulator/requests", "DELETE") => Cleared(context, journal.Clear),
            ("/__emulator/faults", "GET") => WriteAsync(context, 200, faults.Current),
            ("/__emulator/faults", "PUT") => PutFaultsAsync(context),
            ("/__emulator/faults", "DELETE") => Cleared(context, faults.Reset),
            ("/__emulator/health", "GET") => WriteAsync(context, 200, new { Status = "ok" }),
            ("/__emulator/requests" or "/__emulator/faults" or "/__emulator/health", _) => Problem(context, 405, $"Method {method} not allowed here."),
            _ => Problem(context, 404, $"No emulator endpoint at {path}."),
        };
    }

    private async Task PutFaultsAsync(HttpContext context)
    {
        FaultSettings? settings;
        try
        {
            settings = await JsonSerializer.DeserializeAsync<FaultSettings>(context.Request.Body, Json, context.RequestAborted);
        }
        catch (JsonException e)
        {
            await Problem(context, 400, "Invalid fault settings: " + e.Message);
            return;
        }

        settings ??= new FaultSettings();
        var errors = settings.Validate();
        if (errors.Count > 0)
        {
            await Problem(context, 400, string.Join(" ", errors));
            return;
        }

        faults.Current = settings;
        await WriteAsync(context, 200, settings);
    }

    private static Task Cleared(HttpContext context, Action clear)
    {
        clear();
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private static Task Problem(HttpContext context, int status, string detail) => WriteAsync(context, status, new { Detail = detail });

    private static async Task WriteAsync<T>(HttpContext context, int status, T value)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value, Json));
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }
}
