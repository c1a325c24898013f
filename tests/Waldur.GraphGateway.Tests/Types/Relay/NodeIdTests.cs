using System.Text;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Types.Relay;
using Xunit;

namespace Waldur.GraphGateway.Tests.Types.Relay;

public sealed class NodeIdTests
{
    private const string Base64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";

    [Fact]
    public void The_id_is_base64_of_TypeName_colon_32_hex()
    {
        var id = NodeId.Encode("DigitalOceanImage", "01234567-89AB-cdef-0123-456789abcdef");
        Assert.Equal("DigitalOceanImage:0123456789abcdef0123456789abcdef", Encoding.UTF8.GetString(Convert.FromBase64String(id)));
    }

    [Fact]
    public void Random_ids_round_trip_whichever_uuid_form_was_encoded()
    {
        var random = new Random(5);
        for (var i = 0; i < 2000; i++)
        {
            var typeName = RandomTypeName(random);
            var guid = new Guid(WaldurUuidTests.RandomBytes(random, 16));
            var id = NodeId.Encode(typeName, random.Next(2) == 0 ? guid.ToString("D") : guid.ToString("N").ToUpperInvariant());

            var decoded = NodeId.Decode(id);

            Assert.Equal(new NodeId(typeName, guid.ToString("N")), decoded);
            Assert.Equal(id, decoded.ToString());
        }
    }

    [Fact]
    public void Only_the_canonical_uuid_form_inside_an_id_is_an_id()
    {
        static string Id(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        Assert.Equal(new NodeId("Thing", "0123456789abcdef0123456789abcdef"), NodeId.Decode(Id("Thing:0123456789abcdef0123456789abcdef")));
        Assert.False(NodeId.TryDecode(Id("Thing:01234567-89ab-cdef-0123-456789abcdef"), out _));
        Assert.False(NodeId.TryDecode(Id("Thing:0123456789ABCDEF0123456789abcdef"), out _));
    }

    [Fact]
    public void Every_one_character_tampering_is_rejected_or_names_another_node_exactly()
    {
        // Without a signature some edits still spell a valid id; the codec must never let two spellings mean one node.
        var random = new Random(11);
        for (var n = 0; n < 100; n++)
        {
            var original = NodeId.Encode(RandomTypeName(random), Guid.NewGuid().ToString("N"));
            var originalId = NodeId.Decode(original);
            for (var i = 0; i < original.Length; i++)
            {
                foreach (var c in Base64Alphabet.Append('-').Append('_').Append(' '))
                {
                    if (c == original[i])
                    {
                        continue;
                    }

                    var tampered = string.Concat(original.AsSpan(0, i), c.ToString(), original.AsSpan(i + 1));
                    if (NodeId.TryDecode(tampered, out var decoded))
                    {
                        Assert.NotEqual(originalId, decoded);
                        Assert.Equal(tampered, decoded.ToString());
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("RGlnaXRhbE9jZWFuSW1hZ2U=")] // "DigitalOceanImage": no colon
    [InlineData("RGlnaXRhbE9jZWFuSW1hZ2U6")] // "DigitalOceanImage:": no uuid
    [InlineData("OjAxMjM0NTY3ODlhYmNkZWYwMTIzNDU2Nzg5YWJjZGVm")] // ":0123…": no type
    [InlineData("MVR5cGU6MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")] // "1Type:…": not a GraphQL name
    [InlineData("VHlwZTpub3QtYS11dWlk")] // "Type:not-a-uuid"
    [InlineData("VHlwZTowMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZjA=")] // 33 hex digits
    [InlineData("RGlnaXRhbE9jZWFuSW1hZ2U6MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZW")] // truncated
    [InlineData("RGlnaXRhbE9jZWFuSW1hZ2U6MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=\n")] // trailing newline
    [InlineData(" RGlnaXRhbE9jZWFuSW1hZ2U6MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")] // leading space
    [InlineData("/w==")] // a byte that is not UTF-8
    public void A_malformed_id_is_ID_INVALID(string id)
    {
        Assert.False(NodeId.TryDecode(id, out _));
        var error = Assert.Throws<GatewayException>(() => NodeId.Decode(id));
        Assert.Equal(ErrorCodes.IdInvalid, error.Code);
    }

    [Fact]
    public void Non_canonical_padding_bits_are_rejected()
    {
        var id = NodeId.Encode("A", Guid.NewGuid().ToString("N"));
        Assert.EndsWith("=", id, StringComparison.Ordinal);
        // The character before the padding carries unused low bits; setting them keeps the bytes but changes the text.
        var last = id.TrimEnd('=')[^1];
        var index = Base64Alphabet.IndexOf(last, StringComparison.Ordinal);
        var padding = id.Length - id.TrimEnd('=').Length;
        var unused = padding == 1 ? 0b11 : 0b1111;
        Assert.Equal(0, index & unused);
        var tampered = string.Concat(id.AsSpan(0, id.Length - padding - 1), Base64Alphabet[index | 1].ToString(), new string('=', padding));
        Assert.Equal(Convert.FromBase64String(id), Convert.FromBase64String(tampered));
        Assert.False(NodeId.TryDecode(tampered, out _));
    }

    private static string RandomTypeName(Random random)
    {
        const string first = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_";
        const string rest = first + "0123456789";
        var length = random.Next(1, 30);
        var chars = new char[length];
        chars[0] = first[random.Next(first.Length)];
        for (var i = 1; i < length; i++)
        {
            chars[i] = rest[random.Next(rest.Length)];
        }

        return new string(chars);
    }
}
