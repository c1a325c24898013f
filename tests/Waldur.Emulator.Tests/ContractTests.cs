using Microsoft.OpenApi;
using static Waldur.Catalog.Generator.OpenApi30Schema;

namespace Waldur.Emulator.Tests;

/// <summary>The emulator's actual responses against Waldur's published OpenAPI schemas (8.1.2 and 8.0.5).</summary>
[Collection(EmulatorCollection.Name)]
public sealed class ContractTests(EmulatorFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;
    private readonly EmulatorHost _host = fixture.Host;

    public static TheoryData<string> Specs => new() { "openapi-digitalocean-8.1.2.yaml", "openapi-digitalocean-8.0.5.yaml" };

    private static OpenApiDocument Load(string file)
    {
        // The loader throws on a reader error it does not know; the ones it knows are Waldur 8.0.5's full spec's.
        var result = SpecDocuments.Load(Path.Combine(SpecDocuments.Repository.Root, "docs", "openapi", file));
        Assert.Equal(0, result.ToleratedErrors);
        return result.Document;
    }

    private string Concrete(string path) => path
        .Replace("/api/digitalocean-images/{uuid}/", $"/api/digitalocean-images/{_host.Dataset.Images.First(i => i.Regions.Count > 0).Uuid}/", StringComparison.Ordinal)
        .Replace("/api/digitalocean-regions/{uuid}/", $"/api/digitalocean-regions/{_host.Dataset.Regions[0].Uuid}/", StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Specs))]
    public async Task Every_documented_operation_answers_as_documented(string spec)
    {
        var document = Load(spec);
        var operations = document.Paths.SelectMany(p => p.Value.Operations!.Select(o => (Path: p.Key, Method: o.Key, Operation: o.Value))).ToList();
        // GET and HEAD on both lists, GET on both retrieves.
        Assert.Equal(6, operations.Count);
        foreach (var (path, method, operation) in operations)
        {
            var url = Concrete(path) + (path.EndsWith("{uuid}/", StringComparison.Ordinal) ? "" : "?page_size=300");
            var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method.Method), url));
            var documented = operation.Responses!["200"];
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            if (documented.Content is not { Count: > 0 })
            {
                Assert.Equal("", body);
                continue;
            }

            var (mediaType, content) = Assert.Single(documented.Content);
            Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
            var errors = SchemaValidator.Validate(JsonDocument.Parse(body).RootElement, content.Schema!);
            Assert.True(errors.Count == 0, $"{method} {path}: {string.Join("; ", errors.Take(10))}");
            foreach (var (name, header) in documented.Headers ?? new Dictionary<string, IOpenApiHeader>())
            {
                var value = response.Header(name);
                Assert.NotNull(value);
                Assert.Equal("integer", TypeName(header.Schema!));
                Assert.True(long.TryParse(value, out var count) && count >= 0, $"{name}: '{value}'");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public async Task Every_list_row_has_every_documented_property(string spec)
    {
        var document = Load(spec);
        foreach (var (schemaName, path) in new[] { ("DigitalOceanImage", "/api/digitalocean-images/"), ("DigitalOceanRegion", "/api/digitalocean-regions/") })
        {
            var schema = document.Components!.Schemas![schemaName];
            var (_, body) = await _client.GetWithBodyAsync(path + "?page_size=300");
            foreach (var row in JsonDocument.Parse(body).RootElement.EnumerateArray())
            {
                Assert.Equal(schema.Properties!.Keys.Order(), row.EnumerateObject().Select(p => p.Name).Order());
            }
        }
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public async Task The_o_enum_is_exactly_what_the_emulator_accepts(string spec)
    {
        var document = Load(spec);
        var parameter = document.Paths["/api/digitalocean-images/"].Operations![HttpMethod.Get].Parameters!.Single(p => p.Name == "o");
        var choices = SchemaValidator.EnumValues(parameter.Schema!.Items!);
        Assert.Equal(["-distribution", "-type", "distribution", "type"], choices.Order(StringComparer.Ordinal));
        foreach (var choice in choices)
        {
            Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/digitalocean-images/?o=" + choice)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/digitalocean-images/?o=" + string.Join(",", choices))).StatusCode);
        var image = document.Components!.Schemas!["DigitalOceanImage"];
        foreach (var undocumented in image.Properties!.Keys.Except(choices).Except(choices.Select(c => c.TrimStart('-'))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/api/digitalocean-images/?o=" + undocumented)).StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public async Task Every_documented_query_parameter_is_accepted(string spec)
    {
        var document = Load(spec);
        foreach (var (path, item) in document.Paths.Where(p => !p.Key.Contains('{', StringComparison.Ordinal)))
        {
            foreach (var parameter in item.Operations![HttpMethod.Get].Parameters!.Where(p => p.In == ParameterLocation.Query))
            {
                var sample = TypeName(parameter.Schema!) switch
                {
                    "integer" => "1",
                    "array" => SchemaValidator.EnumValues(parameter.Schema!.Items!)[0],
                    _ => "x",
                };
                var response = await _client.GetAsync($"{path}?{parameter.Name}={sample}");
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}?{parameter.Name}={sample} gave {(int)response.StatusCode}");
            }
        }
    }
}
