using System.Text;

namespace Waldur.Emulator.Writes;

/// <summary>Reads a request body as UTF-8 text once and keeps it on the request, so the journal and the write
/// endpoints see the same bytes (the body stream is buffered and rewound).</summary>
internal static class BodyReader
{
    private const string Key = "emulator.body";

    public static async Task<string> ReadAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(Key, out var cached) && cached is string text)
        {
            return text;
        }

        context.Request.EnableBuffering();
        context.Request.Body.Position = 0;
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        text = await reader.ReadToEndAsync(context.RequestAborted);
        context.Request.Body.Position = 0;
        context.Items[Key] = text;
        return text;
    }
}
