using System.Text.Json.Serialization;

namespace Waldur.GraphGateway.WaldurApi;

/// <summary>
/// Source-generated deserialisation of Waldur bodies: snake_case keys (U4, U5), bare arrays (U8). Nullability and
/// required constructor parameters are enforced so a body that breaks U4 is an unreadable body, not silent nulls.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(List<DigitalOceanImageDto>))]
[JsonSerializable(typeof(List<DigitalOceanRegionDto>))]
[JsonSerializable(typeof(DigitalOceanImageDto))]
[JsonSerializable(typeof(DigitalOceanRegionDto))]
[JsonSerializable(typeof(Dictionary<string, System.Text.Json.JsonElement>))]
public sealed partial class WaldurJsonContext : JsonSerializerContext;
