using Microsoft.OpenApi;

namespace Waldur.Emulator.Tests;

/// <summary>Waldur's full OpenAPI 8.0.5 schema as vendored in the repository (<c>spec/waldur/</c>), read once.</summary>
public static class VendoredSpec
{
    private static readonly Lazy<OpenApiDocument> Lazy = new(() => SpecDocuments.Load(SpecDocuments.Repository.Spec).Document);

    public static OpenApiDocument Document => Lazy.Value;

    public static IOpenApiSchema Schema(string name) => Document.Components!.Schemas![name];
}
