using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Waldur.Catalog.Generated;
using Waldur.Catalog.Model;
using Xunit;

namespace Waldur.GraphGateway.Tests.EndToEnd;

/// <summary>
/// Waldur's 15 core lists as the tests see them: the catalog's descriptor per root field, every row straight from the
/// emulator (the oracles' data, never the gateway's), and field values read from that JSON by the field's kind.
/// </summary>
internal static class CoreLists
{
    public static readonly IReadOnlyList<string> Fields =
    [
        "customers", "projects", "users", "marketplaceResources", "marketplaceOrders", "marketplacePublicOfferings",
        "marketplaceProviderOfferings", "marketplaceCategories", "marketplaceServiceProviders", "marketplacePlans", "invoices",
        "events", "openstackInstances", "openstackTenants", "openstackVolumes",
    ];

    public static ResourceDescriptor Descriptor(string listField) =>
        WaldurCatalog.Reviewed.Resources.Single(r => string.Equals(r.ListField, listField, StringComparison.Ordinal));

    /// <summary>Every row of the list as <paramref name="authorization"/>'s Waldur shows it: <c>page_size=300</c>, all pages.</summary>
    public static async Task<List<JsonObject>> FetchAllAsync(GatewayHost gateway, ResourceDescriptor resource,
        string authorization = GatewayHost.Token)
    {
        var rows = new List<JsonObject>();
        for (var page = 1; ; page++)
        {
            var (status, body) = await gateway.EmulatorGetAsync($"/{resource.Path}?page_size=300&page={page}", authorization);
            if (status == 404 && page > 1)
            {
                return rows;
            }

            Assert.True(status == 200, $"GET /{resource.Path} page {page} as {authorization}: {status}");
            var items = JsonNode.Parse(body)!.AsArray();
            rows.AddRange(items.Select(i => i!.AsObject()));
            if (items.Count < 300)
            {
                return rows;
            }
        }
    }

    public static string Uuid(JsonObject row) => row["uuid"]!.GetValue<string>();

    /// <summary>A field's value as the oracle compares it: string, bool, long, double or DateTimeOffset (UTC); null when absent.</summary>
    public static object? Value(JsonObject row, FieldDescriptor field)
    {
        if (row[field.JsonName] is not JsonValue value)
        {
            return null;
        }

        var kind = value.GetValueKind();
        return field.Kind switch
        {
            ValueKind.String => kind == JsonValueKind.String ? value.GetValue<string>() : null,
            ValueKind.Boolean => kind is JsonValueKind.True or JsonValueKind.False ? value.GetValue<bool>() : null,
            ValueKind.Int => kind == JsonValueKind.Number ? (long)value.GetValue<double>() : null,
            ValueKind.Float => kind == JsonValueKind.Number ? value.GetValue<double>()
                : kind == JsonValueKind.String && double.TryParse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
            ValueKind.DateTime => kind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var t) ? t.ToUniversalTime() : null,
            _ => null,
        };
    }

    public static bool IsScalar(FieldDescriptor field) =>
        !field.IsList && field.Kind is ValueKind.String or ValueKind.Boolean or ValueKind.Int or ValueKind.Float or ValueKind.DateTime;
}
