namespace Waldur.GraphGateway.Tests.Support;

/// <summary>One Waldur request as the emulator's journal recorded it.</summary>
public sealed record JournalEntry(string Method, string Path, string Query, int Status, string? Body = null)
{
    /// <summary><c>METHOD /path?query -> status</c>, and a write's body after it (the URLs the gateway built).</summary>
    public override string ToString() =>
        $"{Method} {Path}{(Query.Length > 0 && !Query.StartsWith('?') ? "?" : "")}{Query} -> {Status}" + (Body is { Length: > 0 } body ? " " + body : "");
}
