using Microsoft.OpenApi;

namespace Waldur.Emulator.Tests;

/// <summary>
/// The vendored 8.0.5 spec's POST, PUT, PATCH and DELETE operations, as the spec's document model has them: the emulator
/// serves them from <c>write-operations.json</c>, which the catalog generator writes.
/// </summary>
public static class VendoredWrites
{
    private static readonly HttpMethod[] WriteMethods = [HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete];

    /// <summary>Every write operation of the spec (method, path template, operation), in spec order.</summary>
    public static IReadOnlyList<(string Method, string Path, OpenApiOperation Operation)> WriteOperations { get; } =
    [
        .. VendoredSpec.Document.Paths.SelectMany(p => WriteMethods
            .Where(m => p.Value.Operations?.ContainsKey(m) == true)
            .Select(m => (m.Method, p.Key, p.Value.Operations![m]))),
    ];

    /// <summary>The first documented 2xx response of an operation, as the emulator answers it.</summary>
    public static (int Status, IOpenApiSchema? Schema) Success(OpenApiOperation operation)
    {
        var (code, response) = operation.Responses!.Where(r => r.Key.StartsWith('2')).OrderBy(r => r.Key, StringComparer.Ordinal).First();
        return (int.Parse(code, System.Globalization.CultureInfo.InvariantCulture),
            response.Content?.TryGetValue("application/json", out var json) == true ? json.Schema : null);
    }

    /// <summary>The JSON request-body schema, or null when the operation takes no body.</summary>
    public static IOpenApiSchema? Body(OpenApiOperation operation) =>
        operation.RequestBody?.Content?.TryGetValue("application/json", out var json) == true ? json.Schema : null;
}

public sealed class VendoredWritesTests
{
    [Fact]
    public void Spec_8_0_5_has_1184_write_operations()
    {
        Assert.Equal(1184, VendoredWrites.WriteOperations.Count);
        Assert.Equal(745, VendoredWrites.WriteOperations.Count(w => w.Method == "POST"));
        Assert.Equal(153, VendoredWrites.WriteOperations.Count(w => w.Method == "DELETE"));
    }
}
