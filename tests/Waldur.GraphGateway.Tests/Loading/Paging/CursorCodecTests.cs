using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.Loading.Paging;
using Waldur.GraphGateway.Loading.Sorting;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading.Paging;

public class CursorCodecTests
{
    private static readonly byte[] Hash = CursorCodec.ArgumentsHash("DigitalOceanImage", new FieldFilter("name", "contains", "ubuntu"), []);

    [Fact]
    public void Round_trips_positions()
    {
        var random = new Random(7);
        foreach (var position in new[] { 0, 1, 299, 300, int.MaxValue }.Concat(Enumerable.Range(0, 2000).Select(_ => random.Next())))
        {
            Assert.Equal(position, CursorCodec.Decode(CursorCodec.Encode(position, Hash), Hash, "after"));
        }
    }

    [Fact]
    public void Rejects_every_single_character_edit()
    {
        var cursor = CursorCodec.Encode(42, Hash);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (var i = 0; i < cursor.Length; i++)
        {
            foreach (var c in alphabet.Where(c => c != cursor[i]))
            {
                var edited = cursor[..i] + c + cursor[(i + 1)..];
                var error = Assert.ThrowsAny<GatewayException>(() => CursorCodec.Decode(edited, Hash, "after"));
                Assert.True(error.Code is ErrorCodes.CursorInvalid or ErrorCodes.CursorArgumentsMismatch, error.Code);
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a cursor")]
    [InlineData("MTA=")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Rejects_malformed_cursors(string cursor)
    {
        var error = Assert.Throws<GatewayException>(() => CursorCodec.Decode(cursor, Hash, "before"));
        Assert.Equal(ErrorCodes.CursorInvalid, error.Code);
    }

    [Fact]
    public void A_cursor_from_other_arguments_is_a_mismatch()
    {
        var other = CursorCodec.ArgumentsHash("DigitalOceanImage", new FieldFilter("name", "contains", "debian"), []);
        var sorted = CursorCodec.ArgumentsHash("DigitalOceanImage", new FieldFilter("name", "contains", "ubuntu"), [new SortKey("type", false)]);
        foreach (var hash in new[] { other, sorted })
        {
            var error = Assert.Throws<GatewayException>(() => CursorCodec.Decode(CursorCodec.Encode(3, Hash), hash, "after"));
            Assert.Equal(ErrorCodes.CursorArgumentsMismatch, error.Code);
        }
    }
}
