using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.Loading.Sorting;

namespace Waldur.GraphGateway.Loading.Paging;

/// <summary>
/// Opaque cursors: base64url of <c>version | hash(type, where, order) | position | mac</c>. The position is the row's
/// offset in the gateway's total order (<see cref="RowComparer"/>), which every plan reproduces, so a cursor from a
/// one-page answer continues correctly in a scan and vice versa. The hash ties a cursor to the arguments it came
/// from; the MAC makes an edited cursor malformed rather than a silent jump.
/// </summary>
internal static class CursorCodec
{
    private const byte Version = 1;
    private const int HashLength = 8;
    private const int MacLength = 6;
    private const int Length = 1 + HashLength + 4 + MacLength;
    private static readonly byte[] MacKey = Encoding.UTF8.GetBytes("waldur-graphgateway/cursor/v1");

    public static byte[] ArgumentsHash(string typeName, FilterNode? where, IReadOnlyList<SortKey> order)
    {
        var text = new StringBuilder(typeName).Append('|').Append(FilterCanonicalText.Of(where)).Append('|');
        foreach (var key in order)
        {
            text.Append(key.Field).Append(key.Descending ? ":desc;" : ":asc;");
        }

        return SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))[..HashLength];
    }

    public static string Encode(int position, byte[] argumentsHash)
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = Version;
        argumentsHash.AsSpan(0, HashLength).CopyTo(bytes[1..]);
        BinaryPrimitives.WriteInt32BigEndian(bytes[(1 + HashLength)..], position);
        Mac(bytes[..^MacLength], bytes[^MacLength..]);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>The position in the cursor; a <see cref="GatewayException"/> when it is malformed or from other arguments.</summary>
    public static int Decode(string cursor, byte[] argumentsHash, string argumentName)
    {
        var bytes = TryBase64Url(cursor);
        // Base64 ignores the spare bits of the last character, so only the canonical spelling is accepted.
        Span<byte> mac = stackalloc byte[MacLength];
        if (bytes is not { Length: Length } || bytes[0] != Version || Base64Url.EncodeToString(bytes) != cursor
            || !CryptographicOperations.FixedTimeEquals(Mac(bytes.AsSpan(0, Length - MacLength), mac), bytes.AsSpan(Length - MacLength)))
        {
            throw new GatewayException(ErrorCodes.CursorInvalid, $"`{argumentName}` is not a cursor this field issued.");
        }

        if (!bytes.AsSpan(1, HashLength).SequenceEqual(argumentsHash))
        {
            throw new GatewayException(ErrorCodes.CursorArgumentsMismatch,
                $"`{argumentName}` came from a query with other `where`/`order` arguments; restart paging without it.");
        }

        var position = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1 + HashLength, 4));
        return position >= 0
            ? position
            : throw new GatewayException(ErrorCodes.CursorInvalid, $"`{argumentName}` is not a cursor this field issued.");
    }

    private static Span<byte> Mac(ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        Span<byte> full = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(MacKey, payload, full);
        full[..MacLength].CopyTo(destination);
        return destination;
    }

    private static byte[]? TryBase64Url(string text)
    {
        if (text.Length is 0 or > 64)
        {
            return null;
        }

        try
        {
            return Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
