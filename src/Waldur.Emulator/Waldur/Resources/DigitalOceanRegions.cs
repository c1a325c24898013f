using Waldur.Emulator.Data;

namespace Waldur.Emulator.Waldur.Resources;

/// <summary><c>/api/digitalocean-regions/</c> (U5, U9, U16).</summary>
internal static class DigitalOceanRegions
{
    private const string Filters = "waldur_digitalocean/filters.py RegionFilter(BaseServicePropertyFilter)";
    private const string NameFilterSet = "waldur_core/structure/filters.py NameFilterSet";

    public static ResourceTable<EmulatorRegion> Table(EmulatorDataset dataset) =>
        new("/api/digitalocean-regions", "Region", dataset.Regions, r => r.Id, r => r.Uuid)
        {
            // Filter set field order: Meta.fields ("name",), then the other declared filters.
            Filters =
            [
                TableFilter<EmulatorRegion>.Contains("name", r => r.Name, $"{Filters} via {NameFilterSet}: CharFilter(lookup_expr=\"icontains\")"),
                TableFilter<EmulatorRegion>.Exact("name_exact", r => r.Name, $"{Filters} via {NameFilterSet}: CharFilter(field_name=\"name\", lookup_expr=\"exact\")"),
            ],
            // No OrderingFilter: o is ignored. waldur_digitalocean/views.py RegionViewSet.get_queryset: order_by("name").
            DefaultOrder = (x, y) => string.CompareOrdinal(x.Name, y.Name),
            Json = (region, baseUrl, _) => ResourceJson.Region(region, baseUrl),
        };
}
