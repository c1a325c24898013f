using Waldur.Emulator.Data;

namespace Waldur.Emulator.Waldur.Resources;

/// <summary>
/// <c>/api/digitalocean-images/</c> (U4, U9–U16): Waldur's <c>ImageViewSet</c> (<c>waldur_digitalocean/views.py</c>,
/// a <c>BaseServicePropertyViewSet</c>, read-only). Large image counts are what the benchmarks page through, so the
/// table keeps its filtered lists and its per-host JSON (<see cref="ResourceTable{TRow}.CacheLists"/>,
/// <see cref="ResourceTable{TRow}.CacheJson"/>); images never change.
/// </summary>
internal static class DigitalOceanImages
{
    private const string Filters = "waldur_digitalocean/filters.py ImageFilter(BaseServicePropertyFilter)";
    private const string NameFilterSet = "waldur_core/structure/filters.py NameFilterSet";

    public static ResourceTable<EmulatorImage> Table(EmulatorDataset dataset) =>
        new("/api/digitalocean-images", "Image", dataset.Images, i => i.Id, i => i.Uuid)
        {
            // Order of 400 messages: name, name_exact, distribution, type, then o. [UNVERIFIED] django-filter's
            // FilterSet.get_filters lists Meta.fields ("name", "distribution", "type") before the other declared filter
            // (name_exact), as the size table does; the image list has always answered in this order and keeps it.
            Filters =
            [
                TableFilter<EmulatorImage>.Contains("name", i => i.Name, $"{Filters} via {NameFilterSet}: CharFilter(lookup_expr=\"icontains\")",
                    i => i.NameUpper),
                TableFilter<EmulatorImage>.Exact("name_exact", i => i.Name, $"{Filters} via {NameFilterSet}: CharFilter(field_name=\"name\", lookup_expr=\"exact\")"),
                // Meta.fields entries on CharFields: django-filter generates CharFilter(lookup_expr="exact") (U10).
                TableFilter<EmulatorImage>.Exact("distribution", i => i.Distribution, $"{Filters}: Meta.fields \"distribution\" (generated CharFilter, exact)"),
                TableFilter<EmulatorImage>.Exact("type", i => i.Type, $"{Filters}: Meta.fields \"type\" (generated CharFilter, exact)"),
            ],
            // ImageFilter: o = OrderingFilter(fields=("distribution", "type")) (django-filter's, so a bad term is a 400, U15).
            Orderings =
            [
                new("distribution", (x, y) => string.CompareOrdinal(x.Distribution, y.Distribution)),
                new("type", (x, y) => string.CompareOrdinal(x.Type, y.Type)),
            ],
            // waldur_digitalocean/views.py ImageViewSet: Image.objects.all().order_by("name") (U16).
            DefaultOrder = (x, y) => string.CompareOrdinal(x.Name, y.Name),
            // waldur_digitalocean/serializers.py ImageSerializer (no RestrictedSerializerMixin: field= is ignored, U14a).
            Json = (image, baseUrl, _) => ResourceJson.Image(image, baseUrl),
            // Waldur shows every caller every image (U14: BaseServicePropertyViewSet has only DjangoFilterBackend, the
            // REST_FRAMEWORK DEFAULT_FILTER_BACKENDS of waldur_core/server/base_settings.py); Emulator:PerTokenData is the
            // emulator's opt-in for isolation tests, each token seeing its own stable subset.
            Visible = dataset.PerTokenData ? (token, image) => dataset.IsVisibleTo(image, token) : null,
            CacheLists = true,
            CacheJson = true,
        };
}
