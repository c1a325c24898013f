using Waldur.GraphGateway.Types.Paging;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Types.DigitalOcean;

/// <summary>HotChocolate's <c>DigitalOceanRegionsConnection</c>.</summary>
public sealed class DigitalOceanRegionsConnectionGraphType()
    : ConnectionGraphType<DigitalOceanRegionGraphType, DigitalOceanRegionsEdgeGraphType, DigitalOceanRegionDto>("DigitalOceanRegionsConnection");
