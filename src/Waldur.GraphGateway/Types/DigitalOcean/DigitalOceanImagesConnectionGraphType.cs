using Waldur.GraphGateway.Types.Paging;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Types.DigitalOcean;

/// <summary>HotChocolate's <c>DigitalOceanImagesConnection</c>.</summary>
public sealed class DigitalOceanImagesConnectionGraphType()
    : ConnectionGraphType<DigitalOceanImageGraphType, DigitalOceanImagesEdgeGraphType, DigitalOceanImageDto>("DigitalOceanImagesConnection");
