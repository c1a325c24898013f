using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Types.DigitalOcean;

/// <summary>
/// What the planner knows about DigitalOcean images and regions: their filterable fields and what Waldur filters
/// itself (U9, U10) and how it orders them: name ascending by default (U16); images also by distribution and type via
/// <c>o</c> (U15), while regions ignore <c>o</c> (U16), so they declare no server sort keys.
/// </summary>
public static class DigitalOceanListResources
{
    public static readonly FieldSet RegionFields = new(
        new FieldDefinition("uuid", FieldKind.Text, r => ((DigitalOceanRegionDto)r).Uuid),
        new FieldDefinition("url", FieldKind.Text, r => ((DigitalOceanRegionDto)r).Url),
        new FieldDefinition("name", FieldKind.Text, r => ((DigitalOceanRegionDto)r).Name));

    public static readonly FieldSet ImageFields = new(
        new FieldDefinition("uuid", FieldKind.Text, i => ((DigitalOceanImageDto)i).Uuid),
        new FieldDefinition("url", FieldKind.Text, i => ((DigitalOceanImageDto)i).Url),
        new FieldDefinition("name", FieldKind.Text, i => ((DigitalOceanImageDto)i).Name),
        new FieldDefinition("distribution", FieldKind.Text, i => ((DigitalOceanImageDto)i).Distribution),
        new FieldDefinition("type", FieldKind.Text, i => ((DigitalOceanImageDto)i).Type),
        new FieldDefinition("isOfficial", FieldKind.Boolean, i => ((DigitalOceanImageDto)i).IsOfficial),
        new FieldDefinition("createdAt", FieldKind.Comparable, i => ((DigitalOceanImageDto)i).CreatedAt?.ToUniversalTime()),
        new FieldDefinition("minDiskSize", FieldKind.Comparable, i => ((DigitalOceanImageDto)i).MinDiskSize),
        new FieldDefinition("regions", FieldKind.List, i => ((DigitalOceanImageDto)i).Regions, RegionFields));

    /// <summary>U9: <c>name</c> is a case-insensitive substring, <c>name_exact</c> exact; U10: distribution/type exact.</summary>
    public static readonly ListResource<DigitalOceanImageDto> Images = new(
        "DigitalOceanImage",
        "digitalOceanImages",
        WaldurEndpoints.DigitalOceanImages,
        ImageFields,
        [
            new PushdownRule("name", FilterOperations.Eq, "name_exact"),
            new PushdownRule("name", FilterOperations.Contains, "name"),
            new PushdownRule("distribution", FilterOperations.Eq, "distribution"),
            new PushdownRule("type", FilterOperations.Eq, "type"),
        ],
        i => i.Uuid,
        "name",
        i => i.Name,
        "name_exact",
        [
            new ServerSortRule("distribution", "distribution", "distribution"),
            new ServerSortRule("type", "type", "type"),
        ]);

    public static readonly ListResource<DigitalOceanRegionDto> Regions = new(
        "DigitalOceanRegion",
        "digitalOceanRegions",
        WaldurEndpoints.DigitalOceanRegions,
        RegionFields,
        [
            new PushdownRule("name", FilterOperations.Eq, "name_exact"),
            new PushdownRule("name", FilterOperations.Contains, "name"),
        ],
        r => r.Uuid,
        "name",
        r => r.Name,
        "name_exact");
}
