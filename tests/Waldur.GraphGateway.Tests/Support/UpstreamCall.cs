namespace Waldur.GraphGateway.Tests.Support;

/// <summary>One request the emulator journaled, with its arrival time and the names of the headers it carried.</summary>
public sealed record UpstreamCall(string Method, string Path, string Query, int Status, double AtMs, List<string> HeaderNames)
{
    public override string ToString() => $"{AtMs,8:0} ms {Method} {Path}?{Query} -> {Status}";
}
