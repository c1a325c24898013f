using Waldur.GraphGateway.WaldurApi;
using Xunit;

namespace Waldur.GraphGateway.Tests.WaldurApi;

/// <summary>The pooled body holds exactly the bytes sent, whether the length is declared, missing or wrong.</summary>
public sealed class PooledBodyTests
{
    private static byte[] Bytes(int count) => [.. Enumerable.Range(0, count).Select(i => (byte)(i * 7))];

    [Theory]
    [InlineData(0, "declared")]
    [InlineData(1_000, "declared")]
    [InlineData(150_000, "declared")]
    [InlineData(40_000, "missing")]      // past the 16 KB first buffer: it grows twice
    [InlineData(40_000, "too small")]
    public async Task The_span_is_the_whole_body(int size, string length)
    {
        var sent = Bytes(size);
        using var content = new StreamContent(new MemoryStream(sent));
        content.Headers.ContentLength = length switch
        {
            "declared" => size,
            "too small" => 10,
            _ => null,
        };

        using var body = await PooledBody.ReadAsync(content, CancellationToken.None);

        Assert.Equal(sent, body.Span.ToArray());
    }

    [Fact]
    public async Task A_cancelled_read_throws_and_a_disposed_body_is_empty()
    {
        using var content = new StreamContent(new MemoryStream(Bytes(100)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PooledBody.ReadAsync(content, new CancellationToken(canceled: true)));

        using var other = new StreamContent(new MemoryStream(Bytes(100)));
        var body = await PooledBody.ReadAsync(other, CancellationToken.None);
        body.Dispose();
        Assert.Equal(0, body.Span.Length);
    }
}
