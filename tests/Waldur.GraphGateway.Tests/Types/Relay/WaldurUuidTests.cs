using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Types.Relay;
using Xunit;

namespace Waldur.GraphGateway.Tests.Types.Relay;

public sealed class WaldurUuidTests
{
    [Fact]
    public void U3_every_accepted_form_of_a_uuid_normalises_to_32_lowercase_hex()
    {
        var random = new Random(3);
        for (var i = 0; i < 2000; i++)
        {
            var guid = new Guid(RandomBytes(random, 16));
            var expected = guid.ToString("N");
            foreach (var form in new[] { guid.ToString("N"), guid.ToString("D"), guid.ToString("N").ToUpperInvariant(), guid.ToString("D").ToUpperInvariant() })
            {
                Assert.Equal(expected, WaldurUuid.Normalize(form));
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("0123456789abcdef0123456789abcde")]
    [InlineData("0123456789abcdef0123456789abcdef0")]
    [InlineData("0123456789abcdef0123456789abcdeg")]
    [InlineData("{01234567-89ab-cdef-0123-456789abcdef}")]
    [InlineData("(01234567-89ab-cdef-0123-456789abcdef)")]
    [InlineData("0123456789-ab-cdef-0123-456789abcdef")]
    [InlineData("01234567-89ab-cdef-0123456789abcdef-")]
    [InlineData("01234567_89ab_cdef_0123_456789abcdef")]
    [InlineData(" 0123456789abcdef0123456789abcdef")]
    [InlineData("0123456789abcdef0123456789abcdéf")]
    public void A_malformed_uuid_is_UUID_INVALID(string value)
    {
        Assert.False(WaldurUuid.TryNormalize(value, out _));
        var error = Assert.Throws<GatewayException>(() => WaldurUuid.Normalize(value));
        Assert.Equal(ErrorCodes.UuidInvalid, error.Code);
    }

    [Fact]
    public void Null_is_not_a_uuid() => Assert.False(WaldurUuid.TryNormalize(null, out _));

    internal static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
