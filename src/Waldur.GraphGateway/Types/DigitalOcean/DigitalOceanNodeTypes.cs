using Waldur.GraphGateway.Loading.DataLoading;
using Waldur.GraphGateway.Types.Relay;

namespace Waldur.GraphGateway.Types.DigitalOcean;

/// <summary>Makes <c>node(id:)</c>/<c>nodes(ids:)</c> resolve DigitalOcean ids through the by-uuid loaders (one batch per level).</summary>
public static class DigitalOceanNodeTypes
{
    public const string Image = "DigitalOceanImage";
    public const string Region = "DigitalOceanRegion";

    public static IServiceCollection AddDigitalOceanNodeTypes(this IServiceCollection services) => services
        .AddNodeType(Image, (uuid, c) => c.DataLoader<DigitalOceanImageByUuidDataLoader>().Load(uuid).Then(i => (object?)i))
        .AddNodeType(Region, (uuid, c) => c.DataLoader<DigitalOceanRegionByUuidDataLoader>().Load(uuid).Then(r => (object?)r));
}
