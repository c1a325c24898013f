using System.Text;
using System.Text.Json;

namespace Waldur.Emulator.Writes;

/// <summary>
/// DRF's <c>FormParser</c> and <c>MultiPartParser</c> (Waldur keeps DRF's default parser classes:
/// <c>waldur_core/server/base_settings.py REST_FRAMEWORK</c> sets none) for the generic writes: the form's fields as the
/// JSON object the serializer then reads, each a string (a repeated field a list of strings, as <c>QueryDict.getlist</c>
/// gives a <c>ListField</c>). Uploaded files are left out: file fields are not emulated.
/// </summary>
internal static class FormBody
{
    public static bool IsForm(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase));

    public static async Task<string> ReadAsync(HttpContext context)
    {
        context.Request.Body.Position = 0;
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        context.Request.Body.Position = 0;
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var (key, values) in form)
            {
                if (values.Count == 1)
                {
                    writer.WriteString(key, values[0]);
                    continue;
                }

                writer.WriteStartArray(key);
                foreach (var value in values)
                {
                    writer.WriteStringValue(value);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
