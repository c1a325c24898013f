using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Waldur.Emulator.Waldur;

namespace Waldur.Emulator.Faults;

/// <summary>Applies <see cref="FaultSettings"/> to <c>/api/</c> requests only.</summary>
internal sealed class FaultMiddleware(RequestDelegate next, FaultState state)
{
    private const string ResetKey = "emulator.fault.reset";

    public static bool WasReset(HttpContext context) => context.Items.ContainsKey(ResetKey);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var faults = state.Current;
        var delay = faults.LatencyMs + (faults.JitterMs > 0 ? Random.Shared.Next(0, faults.JitterMs + 1) : 0);
        try
        {
            if (delay > 0)
            {
                await Task.Delay(delay, context.RequestAborted);
            }

            await ApplyAsync(context, faults);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away while we were waiting: nothing left to answer.
        }
    }

    private async Task ApplyAsync(HttpContext context, FaultSettings faults)
    {
        if (Hit(faults.ResetRate))
        {
            context.Items[ResetKey] = true;
            context.Abort();
        }
        else if (Hit(faults.ThrottleRate))
        {
            var wait = faults.RetryAfterSeconds;
            context.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
            await DrfResponses.DetailAsync(context, StatusCodes.Status429TooManyRequests,
                $"Request was throttled. Expected available in {wait} second{(wait == 1 ? "" : "s")}.");
        }
        else if (Hit(faults.ErrorRate))
        {
            await DrfResponses.DetailAsync(context, faults.ErrorStatus, ReasonPhrases.GetReasonPhrase(faults.ErrorStatus));
        }
        else if (faults.DropResponseAfterWrite && Writes.WriteEndpoints.IsWriteMethod(context.Request.Method))
        {
            // The write runs to completion (into memory); a successful one is then never answered.
            var body = await CaptureAsync(context);
            if (context.Response.StatusCode is >= 200 and < 300)
            {
                context.Items[ResetKey] = true;
                context.Abort();
                return;
            }

            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
        else if (HttpMethods.IsHead(context.Request.Method))
        {
            // A HEAD response has no body to break or stall.
            await next(context);
        }
        else if (Hit(faults.MalformedRate))
        {
            var body = await CaptureAsync(context);
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json";
            var cut = body.Length < 2 ? "["u8.ToArray() : body[..(body.Length / 2)];
            context.Response.ContentLength = cut.Length;
            await context.Response.Body.WriteAsync(cut, context.RequestAborted);
        }
        else if (Hit(faults.StallRate))
        {
            var body = await CaptureAsync(context);
            context.Response.ContentLength = body.Length;
            var half = body.Length / 2;
            await context.Response.Body.WriteAsync(body.AsMemory(0, half), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(faults.StallMs, context.RequestAborted);
            await context.Response.Body.WriteAsync(body.AsMemory(half), context.RequestAborted);
        }
        else
        {
            await next(context);
        }
    }

    /// <summary>Runs the real handler into memory; status and headers stay on the response.</summary>
    private async Task<byte[]> CaptureAsync(HttpContext context)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        return buffer.ToArray();
    }

    private static bool Hit(double rate) => rate > 0 && Random.Shared.NextDouble() < rate;
}
