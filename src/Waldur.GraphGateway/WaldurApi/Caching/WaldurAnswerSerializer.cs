using System.Buffers;
using System.Buffers.Binary;
using Microsoft.Extensions.Caching.Hybrid;

namespace Waldur.GraphGateway.WaldurApi.Caching;

/// <summary>
/// The L2 (Redis) form of a <see cref="WaldurAnswer"/>: fetched-at (Unix ms, 8 bytes), result count (4 bytes, -1 for
/// none), then the body as Waldur sent it. No JSON round trip and no base64 of the body.
/// </summary>
internal sealed class WaldurAnswerSerializer : IHybridCacheSerializer<WaldurAnswer>
{
    private const int HeaderLength = 12;

    public WaldurAnswer Deserialize(ReadOnlySequence<byte> source)
    {
        var bytes = source.ToArray();
        if (bytes.Length < HeaderLength)
        {
            throw new InvalidOperationException("A cached Waldur answer shorter than its header.");
        }

        var fetchedAt = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64LittleEndian(bytes));
        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        return new WaldurAnswer(bytes[HeaderLength..], count < 0 ? null : count, fetchedAt);
    }

    public void Serialize(WaldurAnswer value, IBufferWriter<byte> target)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(target);
        var header = target.GetSpan(HeaderLength);
        BinaryPrimitives.WriteInt64LittleEndian(header, value.FetchedAt.ToUnixTimeMilliseconds());
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], value.ResultCount ?? -1);
        target.Advance(HeaderLength);
        target.Write(value.Body);
    }
}
