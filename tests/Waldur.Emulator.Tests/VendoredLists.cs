using System.Text.Json.Nodes;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

namespace Waldur.Emulator.Tests;

/// <summary>
/// The vendored 8.0.5 spec's GET list operations (a 200 answering a JSON array), read by a second OpenAPI library: the
/// emulator serves them from <c>list-operations.json</c>, which the catalog generator writes, so the tests check it
/// against the spec as this one reads it.
/// </summary>
public static class VendoredLists
{
    /// <summary>Every list path of the spec with its GET operation, in spec order.</summary>
    public static IReadOnlyList<KeyValuePair<string, OpenApiOperation>> ListOperations { get; } =
    [
        .. VendoredSpec.Document.Paths
            .Where(p => p.Value.Operations.TryGetValue(OperationType.Get, out var get) && IsList(get))
            .Select(p => new KeyValuePair<string, OpenApiOperation>(p.Key, p.Value.Operations[OperationType.Get])),
    ];

    internal static JsonNode? Any(IOpenApiAny value) => value switch
    {
        OpenApiString s => JsonValue.Create(s.Value),
        OpenApiInteger i => JsonValue.Create(i.Value),
        OpenApiLong l => JsonValue.Create(l.Value),
        OpenApiBoolean b => JsonValue.Create(b.Value),
        OpenApiDouble d => JsonValue.Create(d.Value),
        _ => null,
    };

    private static bool IsList(OpenApiOperation get) =>
        get.Responses.TryGetValue("200", out var ok) && ok.Content.TryGetValue("application/json", out var json)
        && json.Schema?.Type == "array";
}

public sealed class VendoredListsTests
{
    [Fact]
    public void Spec_8_0_5_has_377_list_operations_86_of_them_nested()
    {
        Assert.Equal(377, VendoredLists.ListOperations.Count);
        Assert.Equal(86, VendoredLists.ListOperations.Count(p => p.Key.Contains('{', StringComparison.Ordinal)));
    }
}
