using Waldur.Catalog.Generated;
using Waldur.Catalog.Model;
using Waldur.GraphGateway.Hosting;
using Waldur.GraphGateway.Types.Mutations;
using Xunit;

namespace Waldur.GraphGateway.Tests.Types.Mutations;

/// <summary>Which writes a catalog selection offers (issue 23: as for lists, by <c>*</c>, tag or name).</summary>
public sealed class WriteCatalogTests
{
    private static IReadOnlyList<WriteDescriptor> For(string include) =>
        WriteCatalog.For(CatalogSelection.Select(include, null).Catalog).Writes;

    [Fact]
    public void The_default_selection_offers_exactly_the_reviewed_writes()
    {
        Assert.Equal(WaldurWrites.Reviewed.Select(w => w.Name), For("").Select(w => w.Name));
    }

    [Fact]
    public void Everything_offers_every_write()
    {
        Assert.Equal(WaldurWrites.Reviewed.Count + WaldurWrites.Generated.Count, For(CatalogSelection.Everything).Count);
    }

    [Fact]
    public void A_tag_brings_its_lists_writes_and_its_writes_of_no_list_and_nothing_of_another_tag()
    {
        var writes = For("reviewer");
        var orphans = writes.Where(w => w.TypeName is null).ToList();
        Assert.Equal(WaldurWrites.Generated.Where(w => w.TypeName is null && w.Tag == "reviewer").Select(w => w.Name), orphans.Select(w => w.Name));
        Assert.NotEmpty(orphans);
        Assert.Contains(writes, w => w.TypeName is not null);
        var tagged = WaldurCatalog.All.Resources.Where(r => r.Tag == "reviewer").Select(r => r.TypeName).ToHashSet(StringComparer.Ordinal);
        Assert.All(writes.Where(w => w.TypeName is not null && WaldurWrites.Generated.Contains(w)), w => Assert.Contains(w.TypeName!, tagged));
        Assert.DoesNotContain(writes, w => w.Tag is { } tag && tag != "reviewer");
    }

    [Fact]
    public void A_single_list_by_name_brings_the_writes_of_no_list_of_its_tag()
    {
        var list = WaldurCatalog.All.Resources.First(r => r.Parent is null && r.Tag == "marketplace" && !WaldurCatalog.Reviewed.TryGet(r.TypeName, out _));
        var orphans = For(list.ListField).Where(w => w.TypeName is null).Select(w => w.Tag).Distinct().ToList();
        Assert.Equal(["marketplace"], orphans);
    }
}
