using Waldur.Catalog.Generated;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Tests.Loading;

/// <summary>The gateway's catalog as the planner sees it, and rows built by hand in a resource's shape.</summary>
internal static class TestCatalog
{
    public static readonly RowShapes Shapes = new(WaldurCatalog.Reviewed);

    public static readonly ListResources Resources = new(WaldurCatalog.Reviewed, Shapes);

    public static ListResource Images => Resources["DigitalOceanImage"];

    public static ListResource Regions => Resources["DigitalOceanRegion"];

    /// <summary>A row of <paramref name="typeName"/> with the named values (GraphQL field names); the rest null.</summary>
    public static WaldurRow Row(string typeName, IReadOnlyDictionary<string, object?> values)
    {
        var shape = Shapes[typeName];
        var slots = new object?[shape.Fields.Count];
        foreach (var (name, value) in values)
        {
            slots[shape[name].Index] = value;
        }

        return new WaldurRow(shape, slots);
    }
}

/// <summary>A region as a test writes it.</summary>
internal sealed record TestRegion(string Url, string Uuid, string Name)
{
    public WaldurRow ToRow() => TestCatalog.Row("DigitalOceanRegion", new Dictionary<string, object?> { ["url"] = Url, ["uuid"] = Uuid, ["name"] = Name });
}

/// <summary>An image as a test writes it (the fields of U4), turned into the row Waldur's body would give.</summary>
internal sealed record TestImage(
    string Url, string Uuid, string Name, string Distribution, string Type, IReadOnlyList<TestRegion> Regions,
    bool IsOfficial, DateTimeOffset? CreatedAt, long? MinDiskSize)
{
    public WaldurRow ToRow() => TestCatalog.Row("DigitalOceanImage", new Dictionary<string, object?>
    {
        ["url"] = Url, ["uuid"] = Uuid, ["name"] = Name, ["distribution"] = Distribution, ["type"] = Type,
        ["regions"] = Regions.Select(r => r.ToRow()).ToList(), ["isOfficial"] = IsOfficial, ["createdAt"] = CreatedAt, ["minDiskSize"] = MinDiskSize,
    });
}
