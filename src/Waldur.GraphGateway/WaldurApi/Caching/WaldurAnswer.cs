using System.ComponentModel;

namespace Waldur.GraphGateway.WaldurApi.Caching;

/// <summary>
/// Waldur's successful answer to one GET (or HEAD count), as the cache keeps it: the raw body (parsed by
/// <see cref="RowReader"/> on every use, so the cache never shares row objects), <c>X-Result-Count</c> when the answer
/// had one, and when it was fetched. Immutable, so HybridCache's L1 hands out this instance instead of deserialising a copy per hit.
/// </summary>
[ImmutableObject(true)]
internal sealed class WaldurAnswer(byte[] body, int? resultCount, DateTimeOffset fetchedAt)
{
    public byte[] Body { get; } = body;

    public int? ResultCount { get; } = resultCount;

    public DateTimeOffset FetchedAt { get; } = fetchedAt;
}
