using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.Loading.Paging;
using Waldur.GraphGateway.Loading.Sorting;
using Waldur.GraphGateway.Tests.Loading.Filtering;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading.Paging;

/// <summary>
/// <see cref="CursorCodec"/> against its documented format, written out here independently: base64url without
/// padding of <c>2 | hash (8 bytes) | position (int32, big-endian) | XxHash3(check seed, the 13 bytes before), big-endian,
/// first 6 bytes</c>; the hash is XxHash3(hash seed, the canonical arguments text), big-endian.
/// Every issued cursor decodes to its position under the same hash; any edit is CURSOR_INVALID; a well-formed cursor
/// of other arguments is CURSOR_ARGUMENTS_MISMATCH.
/// </summary>
public sealed class CursorCodecPropertyTests
{
    private const long HashSeed = 0x5741_4C44_5552_4147;
    private const long CheckSeed = 0x4355_5253_4F52_0002;

    [Theory]
    [InlineData(601)]
    [InlineData(602)]
    public void Encode_writes_the_documented_format_and_decode_round_trips(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 2000; i++)
        {
            var hash = RandomHash(random);
            var position = RandomPosition(random);
            var cursor = CursorCodec.Encode(position, hash);
            var expected = Oracle(2, hash, position);
            Assert.True(expected == cursor, $"seed {seed}, case {i}: position {position}, hash {Show.Bytes(hash)}: {cursor}, documented format {expected}");
            Assert.True(CursorCodec.Decode(cursor, hash, "after") == position, $"seed {seed}, case {i}: {cursor} did not decode to {position}");
        }
    }

    [Theory]
    [InlineData(611)]
    [InlineData(612)]
    public void Any_single_character_edit_is_invalid(int seed)
    {
        var random = new Random(seed);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=. ";
        for (var i = 0; i < 3000; i++)
        {
            var hash = RandomHash(random);
            var cursor = CursorCodec.Encode(RandomPosition(random), hash);
            var at = random.Next(cursor.Length + 1);
            var c = alphabet[random.Next(alphabet.Length)];
            var edited = random.Next(3) switch
            {
                0 when at < cursor.Length => cursor[..at] + c + cursor[(at + 1)..],
                1 when at < cursor.Length => cursor.Remove(at, 1),
                _ => cursor.Insert(at, c.ToString()),
            };
            if (edited == cursor)
            {
                continue;
            }

            var error = Assert.Throws<GatewayException>(() => CursorCodec.Decode(edited, hash, "before"));
            Assert.True(error.Code == ErrorCodes.CursorInvalid, $"seed {seed}, case {i}: {cursor} edited to {edited} gave {error.Code}");
            Assert.Contains("`before`", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_last_character_has_one_spelling()
    {
        // 19 bytes are 26 characters; the last carries 2 bits and 4 spare bits that base64 decoders ignore.
        var hash = RandomHash(new Random(613));
        var cursor = CursorCodec.Encode(12345, hash);
        Assert.Equal(26, cursor.Length);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var last = alphabet.IndexOf(cursor[^1], StringComparison.Ordinal);
        for (var spare = 1; spare < 16; spare++)
        {
            var respelt = cursor[..^1] + alphabet[last ^ spare];
            Assert.Equal(ErrorCodes.CursorInvalid, Assert.Throws<GatewayException>(() => CursorCodec.Decode(respelt, hash, "after")).Code);
        }
    }

    [Theory]
    [InlineData(621)]
    public void A_cursor_of_other_arguments_is_a_mismatch_not_a_position(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 1000; i++)
        {
            var hash = RandomHash(random);
            var other = (byte[])hash.Clone();
            other[random.Next(other.Length)] ^= (byte)(1 << random.Next(8));
            var cursor = CursorCodec.Encode(RandomPosition(random), hash);
            var error = Assert.Throws<GatewayException>(() => CursorCodec.Decode(cursor, other, "after"));
            Assert.True(error.Code == ErrorCodes.CursorArgumentsMismatch, $"seed {seed}, case {i}: {error.Code}");
            Assert.Contains("`after`", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Only_version_2_and_non_negative_positions_are_accepted_even_with_a_valid_check()
    {
        var hash = RandomHash(new Random(631));
        foreach (var version in new byte[] { 0, 1, 3, 255 })
        {
            Assert.Equal(ErrorCodes.CursorInvalid, Assert.Throws<GatewayException>(() => CursorCodec.Decode(Oracle(version, hash, 5), hash, "after")).Code);
        }

        foreach (var position in new[] { -1, int.MinValue })
        {
            var error = Assert.Throws<GatewayException>(() => CursorCodec.Decode(Oracle(2, hash, position), hash, "after"));
            Assert.Equal(ErrorCodes.CursorInvalid, error.Code);
            Assert.Contains("`after`", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(0, CursorCodec.Decode(Oracle(2, hash, 0), hash, "after"));
        Assert.Equal(int.MaxValue, CursorCodec.Decode(Oracle(2, hash, int.MaxValue), hash, "after"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("A")]
    [InlineData("AQ")]
    [InlineData("!!!!")]
    public void Malformed_text_is_invalid(string cursor)
    {
        Assert.Equal(ErrorCodes.CursorInvalid, Assert.Throws<GatewayException>(() => CursorCodec.Decode(cursor, new byte[8], "after")).Code);
    }

    [Fact]
    public void A_valid_cursor_with_padding_or_surrounding_text_is_invalid()
    {
        var hash = RandomHash(new Random(641));
        var cursor = CursorCodec.Encode(7, hash);
        foreach (var variant in new[] { cursor + "==", cursor + "=", " " + cursor, cursor + cursor, cursor.Replace('-', '+').Replace('_', '/') })
        {
            if (variant != cursor)
            {
                Assert.Equal(ErrorCodes.CursorInvalid, Assert.Throws<GatewayException>(() => CursorCodec.Decode(variant, hash, "after")).Code);
            }
        }

        // Long input is refused before it is decoded.
        var longText = new string('A', 4000);
        Assert.Equal(ErrorCodes.CursorInvalid, Assert.Throws<GatewayException>(() => CursorCodec.Decode(longText, hash, "after")).Code);
    }

    [Theory]
    [InlineData(651)]
    public void The_arguments_hash_separates_type_filter_and_order(int seed)
    {
        var model = new RandomModel(new Random(seed));
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < 2000; i++)
        {
            var type = model.Pick(new[] { "Image", "Region", "Imag" });
            var filter = model.Chance(0.1) ? null : model.Node(depth: 2);
            var order = Enumerable.Range(0, model.Random.Next(3)).Select(_ => new SortKey(model.Pick(new[] { "name", "size" }), model.Chance(0.5))).ToList();
            var hash = CursorCodec.ArgumentsHash(type, filter, order);
            Assert.Equal(8, hash.Length);
            var description = $"{type} | {FilterCanonicalText.Of(filter)} | {string.Join(",", order.Select(k => $"{k.Field}:{(k.Descending ? "desc" : "asc")}"))}";
            Assert.Equal(hash, CursorCodec.ArgumentsHash(type, filter, order.ToArray()));
            var key = Show.Bytes(hash);
            if (seen.TryGetValue(key, out var earlier) && earlier != description)
            {
                Assert.Fail($"seed {seed}, case {i}: {description} and {earlier} share the hash {key}");
            }

            seen[key] = description;
        }
    }

    [Fact]
    public void The_arguments_hash_is_stable_so_cursors_survive_a_redeploy()
    {
        var hash = CursorCodec.ArgumentsHash("DigitalOceanImage", new FieldFilter("name", "contains", "ubuntu"), [new SortKey("name", true), new SortKey("size", false)]);
        var expected = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(expected,
            XxHash3.HashToUInt64(Encoding.UTF8.GetBytes("DigitalOceanImage|name.contains=\"ubuntu\"|name:desc;size:asc;"), HashSeed));
        Assert.Equal(Show.Bytes(expected), Show.Bytes(hash));
    }

    private static byte[] RandomHash(Random random)
    {
        var hash = new byte[8];
        random.NextBytes(hash);
        return hash;
    }

    private static int RandomPosition(Random random) => random.Next(4) switch
    {
        0 => random.Next(0, 3),
        1 => random.Next(0, 1000),
        2 => int.MaxValue - random.Next(0, 3),
        _ => random.Next(),
    };

    private static string Oracle(byte version, byte[] hash, int position)
    {
        var bytes = new byte[19];
        bytes[0] = version;
        hash.CopyTo(bytes, 1);
        bytes[9] = (byte)(position >> 24);
        bytes[10] = (byte)(position >> 16);
        bytes[11] = (byte)(position >> 8);
        bytes[12] = (byte)position;
        var check = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(check, XxHash3.HashToUInt64(bytes.AsSpan(0, 13), CheckSeed));
        check.AsSpan(0, 6).CopyTo(bytes.AsSpan(13));
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
