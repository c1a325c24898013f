using Waldur.Emulator.Faults;

namespace Waldur.Emulator.Journal;

/// <summary>Records every request outside <c>/__emulator/</c> (including unknown paths) with the status it got.</summary>
internal sealed class JournalMiddleware(RequestDelegate next, RequestJournal journal)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/__emulator", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var query = context.Request.QueryString.HasValue ? context.Request.QueryString.Value![1..] : "";
        var entry = journal.Begin(context.Request.Method, context.Request.Path.Value ?? "/", query, context.Request.Headers.Keys);
        if (Writes.WriteEndpoints.IsWriteMethod(context.Request.Method))
        {
            // An empty body is left out (null), like a read's.
            var body = await Writes.BodyReader.ReadAsync(context);
            entry.Body = body.Length == 0 ? null : body;
        }

        // The status is recorded when the headers go out, not only when the pipeline returns: a client can have read
        // the whole body (and a test the journal) before this middleware's await resumes.
        context.Response.OnStarting(() =>
        {
            if (!FaultMiddleware.WasReset(context))
            {
                entry.Status = context.Response.StatusCode;
                entry.ResponseBytes = context.Response.ContentLength ?? 0;
            }

            return Task.CompletedTask;
        });
        try
        {
            await next(context);
            entry.Status = FaultMiddleware.WasReset(context) ? 0 : context.Response.StatusCode;
            entry.ResponseBytes = context.Response.ContentLength ?? 0;
        }
        catch (Exception) when (!FaultMiddleware.WasReset(context))
        {
            // Kestrel answers an unhandled exception with a 500.
            entry.Status = StatusCodes.Status500InternalServerError;
            throw;
        }
    }
}
