using System.Text.Json.Serialization.Metadata;

namespace Waldur.GraphGateway.WaldurApi;

/// <summary>
/// One Waldur list/retrieve resource: its path and how its bodies are read. More Waldur resources join the
/// gateway by adding an endpoint here, not a new client.
/// </summary>
public sealed record WaldurEndpoint<T>(string Path, string NotFoundName, JsonTypeInfo<List<T>> ListJson, JsonTypeInfo<T> ItemJson)
    where T : class;

/// <summary>The endpoints the gateway uses (U1).</summary>
public static class WaldurEndpoints
{
    public static readonly WaldurEndpoint<DigitalOceanImageDto> DigitalOceanImages = new(
        "api/digitalocean-images/", "Image", WaldurJsonContext.Default.ListDigitalOceanImageDto, WaldurJsonContext.Default.DigitalOceanImageDto);

    public static readonly WaldurEndpoint<DigitalOceanRegionDto> DigitalOceanRegions = new(
        "api/digitalocean-regions/", "Region", WaldurJsonContext.Default.ListDigitalOceanRegionDto, WaldurJsonContext.Default.DigitalOceanRegionDto);
}
