using System.Net;
using System.Text.Json;
using Waldur.Catalog.Model;

namespace Waldur.GraphGateway.Types.Mutations;

/// <summary>
/// Waldur's refusal of a write as user errors (DRF's shapes, U21): <c>{"detail": "…"}</c> one error; a validation body
/// <c>{"name": ["…"], "limits": {"cpu": ["…"]}, "non_field_errors": ["…"]}</c> one <c>ValidationError</c> per message
/// with the field's path in GraphQL names; a bare list (<c>["Project contains active resources. …"]</c>) errors about
/// the input as a whole.
/// </summary>
internal static class WriteRefusals
{
    public static IReadOnlyList<UserError> From(HttpStatusCode status, byte[] body, WriteDescriptor write)
    {
        var kind = (int)status switch
        {
            403 => UserErrorTypes.PermissionDenied,
            404 => UserErrorTypes.NotFound,
            405 or 409 => UserErrorTypes.Conflict,
            _ => UserErrorTypes.Validation,
        };
        var errors = new List<UserError>();
        try
        {
            using var document = JsonDocument.Parse(body);
            Collect(document.RootElement, kind, write.Input, [], errors);
        }
        catch (JsonException)
        {
            // Not DRF's JSON (a proxy's page): the status still says what kind of refusal it is.
        }
        if (errors.Count == 0)
        {
            errors.Add(new UserError(kind, $"Waldur refused the request ({(int)status}).", kind == UserErrorTypes.Validation ? [] : null));
        }

        return errors;
    }

    private static void Collect(JsonElement value, string kind, IReadOnlyList<InputFieldDescriptor>? fields, IReadOnlyList<string> path, List<UserError> errors)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                errors.Add(new UserError(kind, value.GetString()!, kind == UserErrorTypes.Validation ? path : null));
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    // A list of messages, or (for a list input) one entry per item, {} for an item without errors.
                    Collect(item, kind, fields, item.ValueKind == JsonValueKind.Object ? [.. path, (index).ToString(System.Globalization.CultureInfo.InvariantCulture)] : path, errors);
                    index++;
                }
                break;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    if (property.Name is "detail" or "non_field_errors")
                    {
                        Collect(property.Value, kind, fields, path, errors);
                        continue;
                    }
                    var field = fields?.FirstOrDefault(f => f.JsonName == property.Name);
                    Collect(property.Value, kind, field?.Fields, [.. path, field?.Name ?? property.Name], errors);
                }
                break;
            default:
                errors.Add(new UserError(kind, value.ToString(), kind == UserErrorTypes.Validation ? path : null));
                break;
        }
    }
}
