using System.Text.Json.Serialization;

namespace Waldur.GraphGateway.WaldurApi;

/// <summary>Source-generated (de)serialisation of Waldur bodies: snake_case keys (U4, U5), bare arrays (U8).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(List<DigitalOceanImageDto>))]
[JsonSerializable(typeof(List<DigitalOceanRegionDto>))]
[JsonSerializable(typeof(DigitalOceanImageDto))]
[JsonSerializable(typeof(DigitalOceanRegionDto))]
public sealed partial class WaldurJsonContext : JsonSerializerContext;
