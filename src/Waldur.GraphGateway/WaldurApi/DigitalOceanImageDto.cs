namespace Waldur.GraphGateway.WaldurApi;

/// <summary>An image as Waldur returns it (U4). <c>CreatedAt</c> accepts both U7 forms; <c>MinDiskSize</c> is MiB.</summary>
public sealed record DigitalOceanImageDto(
    string Url,
    string Uuid,
    string Name,
    string Distribution,
    string Type,
    IReadOnlyList<DigitalOceanRegionDto> Regions,
    bool IsOfficial,
    DateTimeOffset? CreatedAt,
    long? MinDiskSize);
