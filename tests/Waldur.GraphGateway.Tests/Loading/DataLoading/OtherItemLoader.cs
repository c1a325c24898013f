namespace Waldur.GraphGateway.Tests.Loading.DataLoading;

/// <summary>A second loader type over the same table, so one request holds two independent batches.</summary>
internal sealed class OtherItemLoader(TestTable table, HangProbe probe) : RecordingItemLoader(table, probe);
