using Microsoft.OpenApi;
using static Waldur.Catalog.Generator.OpenApi30Schema;

namespace Waldur.Emulator.Tests;

/// <summary>
/// The vendored 8.0.5 spec's GET list operations (a 200 answering a JSON array), as the spec's document model has them:
/// the emulator serves them from <c>list-operations.json</c>, which the catalog generator writes, so the tests check it
/// against the spec itself.
/// </summary>
public static class VendoredLists
{
    /// <summary>Every list path of the spec with its GET operation, in spec order.</summary>
    public static IReadOnlyList<KeyValuePair<string, OpenApiOperation>> ListOperations { get; } =
    [
        .. VendoredSpec.Document.Paths
            .Where(p => p.Value.Operations?.TryGetValue(HttpMethod.Get, out var get) == true && IsList(get))
            .Select(p => new KeyValuePair<string, OpenApiOperation>(p.Key, p.Value.Operations![HttpMethod.Get])),
    ];

    /// <summary>The item schema of a list operation.</summary>
    public static IOpenApiSchema ItemSchema(OpenApiOperation get) => get.Responses!["200"].Content!["application/json"].Schema!.Items!;

    private static bool IsList(OpenApiOperation get) =>
        get.Responses?.TryGetValue("200", out var ok) == true && ok.Content?.TryGetValue("application/json", out var json) == true
        && json.Schema is { } schema && TypeName(schema) == "array";
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
