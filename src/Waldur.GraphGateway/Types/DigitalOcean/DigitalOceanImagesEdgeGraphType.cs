using Waldur.GraphGateway.Types.Paging;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Types.DigitalOcean;

/// <summary>HotChocolate's <c>DigitalOceanImagesEdge</c>.</summary>
public sealed class DigitalOceanImagesEdgeGraphType()
    : EdgeGraphType<DigitalOceanImageGraphType, DigitalOceanImageDto>("DigitalOceanImagesEdge");
