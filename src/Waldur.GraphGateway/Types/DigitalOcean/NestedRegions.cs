using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.Loading.Sorting;
using Waldur.GraphGateway.Types.Filtering;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Types.DigitalOcean;

/// <summary>
/// <c>DigitalOceanImage.regions(where, order)</c>: the nested regions are already in hand (U5), so they are filtered
/// and sorted in memory with the planner's own evaluation (same semantics as <c>digitalOceanRegions</c>).
/// </summary>
public static class NestedRegions
{
    public static IReadOnlyList<DigitalOceanRegionDto> Select(IReadOnlyList<DigitalOceanRegionDto> regions, object? where, object? order)
    {
        var fields = DigitalOceanListResources.RegionFields;
        var filter = FilterArgumentReader.Read(where, fields);
        var keys = SortArgumentReader.Read(order);
        var rows = regions.Where(r => FilterEvaluator.Matches(filter, r, fields)).ToList();
        if (keys.Count > 0)
            rows.Sort(new RowComparer<DigitalOceanRegionDto>(keys, DigitalOceanListResources.Regions, null));
        return rows;
    }
}
