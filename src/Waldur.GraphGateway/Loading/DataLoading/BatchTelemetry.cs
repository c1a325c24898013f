using System.Diagnostics;
using Waldur.GraphGateway.Telemetry;

namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>One DataLoader batch on the batch-size histogram, and its span ("batch {resource}": kind, key count).</summary>
internal static class BatchTelemetry
{
    public static Activity? Start(string kind, string resourceType, int keys)
    {
        if (GatewayTelemetry.DataLoaderBatchSize.Enabled)
        {
            GatewayTelemetry.DataLoaderBatchSize.Record(keys, new TagList { { "loader", kind }, { "resource", resourceType } });
        }

        var activity = GatewayTelemetry.StartSpan("batch", resourceType);
        activity?.SetTag("waldur_gateway.dataloader", kind);
        activity?.SetTag("waldur_gateway.dataloader.keys", keys);
        return activity;
    }
}
