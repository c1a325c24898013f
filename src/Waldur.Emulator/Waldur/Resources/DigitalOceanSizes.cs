using Waldur.Emulator.Data;

namespace Waldur.Emulator.Waldur.Resources;

/// <summary><c>/api/digitalocean-sizes/</c>: Waldur's <c>SizeViewSet</c> (<c>BaseServicePropertyViewSet</c>, read-only).</summary>
internal static class DigitalOceanSizes
{
    private const string Filters = "waldur_digitalocean/filters.py SizeFilter(BaseServicePropertyFilter)";
    private const string NameFilterSet = "waldur_core/structure/filters.py NameFilterSet";

    public static ResourceTable<EmulatorSize> Table(EmulatorDataset dataset) =>
        new("/api/digitalocean-sizes", "Size", dataset.Sizes, s => s.Id, s => s.Uuid)
        {
            // Filter set field order: Meta.fields ("name", "cores", "ram", "disk"), then the other declared filter (name_exact).
            Filters =
            [
                TableFilter<EmulatorSize>.Contains("name", s => s.Name, $"{Filters} via {NameFilterSet}: CharFilter(lookup_expr=\"icontains\")"),
                // Meta.fields entries on integer model fields: django-filter generates NumberFilter(lookup_expr="exact").
                TableFilter<EmulatorSize>.Number("cores", s => s.Cores, $"{Filters}: Meta.fields \"cores\" (generated NumberFilter, exact)"),
                TableFilter<EmulatorSize>.Number("ram", s => s.Ram, $"{Filters}: Meta.fields \"ram\" (generated NumberFilter, exact, MiB)"),
                TableFilter<EmulatorSize>.Number("disk", s => s.Disk, $"{Filters}: Meta.fields \"disk\" (generated NumberFilter, exact, MiB)"),
                TableFilter<EmulatorSize>.Exact("name_exact", s => s.Name, $"{Filters} via {NameFilterSet}: CharFilter(field_name=\"name\", lookup_expr=\"exact\")"),
            ],
            // No OrderingFilter: o is ignored. waldur_digitalocean/views.py SizeViewSet: Size.objects.all().order_by("name").
            DefaultOrder = (x, y) => string.CompareOrdinal(x.Name, y.Name),
            Json = (size, baseUrl, _) => ResourceJson.Size(size, baseUrl),
        };
}
