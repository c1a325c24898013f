using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;

namespace Waldur.Emulator.Tests;

/// <summary>Waldur's full OpenAPI 8.0.5 schema as vendored in the repository (<c>spec/waldur/</c>), read once.</summary>
public static class VendoredSpec
{
    private static readonly Lazy<OpenApiDocument> Lazy = new(Load);

    public static OpenApiDocument Document => Lazy.Value;

    public static OpenApiSchema Schema(string name) => Document.Components.Schemas[name];

    private static OpenApiDocument Load()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Waldur.GraphGateway.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        using var stream = File.OpenRead(Path.Combine(dir.FullName, "spec", "waldur", "waldur-openapi-8.0.5.yaml"));
        return new OpenApiStreamReader().Read(stream, out _);
    }
}
