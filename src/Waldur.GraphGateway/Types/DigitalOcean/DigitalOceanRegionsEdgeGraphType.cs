using Waldur.GraphGateway.Types.Paging;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Types.DigitalOcean;

/// <summary>HotChocolate's <c>DigitalOceanRegionsEdge</c>.</summary>
public sealed class DigitalOceanRegionsEdgeGraphType()
    : EdgeGraphType<DigitalOceanRegionGraphType, DigitalOceanRegionDto>("DigitalOceanRegionsEdge");
