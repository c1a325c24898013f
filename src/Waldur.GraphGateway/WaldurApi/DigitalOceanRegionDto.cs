namespace Waldur.GraphGateway.WaldurApi;

/// <summary>A region as Waldur returns it (U5); nested in images as a full object.</summary>
public sealed record DigitalOceanRegionDto(string Url, string Uuid, string Name);
