using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.Paging;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading.Paging;

public class SliceBoundsTests
{
    private static readonly byte[] Hash = CursorCodec.ArgumentsHash("T", null, []);
    private static readonly ListOptions Options = new();

    [Theory]
    [InlineData(1, null, 1, null, ErrorCodes.PagingFirstAndLast)]
    [InlineData(-1, null, null, null, ErrorCodes.PagingNegativeSize)]
    [InlineData(null, null, -5, null, ErrorCodes.PagingNegativeSize)]
    [InlineData(101, null, null, null, ErrorCodes.PagingSizeTooLarge)]
    [InlineData(null, null, 101, null, ErrorCodes.PagingSizeTooLarge)]
    [InlineData(null, "garbage", null, null, ErrorCodes.CursorInvalid)]
    public void Invalid_arguments_have_their_own_codes(int? first, string? after, int? last, string? before, string code)
    {
        var error = Assert.Throws<GatewayException>(() => SliceBounds.Create(new PagingArguments(first, after, last, before), Options, Hash));
        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void Slices_agree_with_relay_over_a_materialised_list()
    {
        var random = new Random(11);
        for (var run = 0; run < 3000; run++)
        {
            var total = random.Next(0, 60);
            int? after = random.Next(3) == 0 ? random.Next(0, 70) : null;
            int? before = random.Next(3) == 0 ? random.Next(0, 70) : null;
            var useLast = random.Next(2) == 0;
            int? size = random.Next(4) == 0 ? null : random.Next(0, 30);
            var bounds = new SliceBounds(useLast ? null : size ?? 10, after, useLast ? size : null, before);
            if (useLast && size is null)
            {
                bounds = bounds with { First = 10 };
            }

            // Relay's algorithm, written over the list itself.
            var items = Enumerable.Range(0, total).ToList();
            if (after is { } a)
            {
                items = items.Where(i => i > a).ToList();
            }

            if (before is { } b)
            {
                items = items.Where(i => i < b).ToList();
            }

            if (bounds.First is { } f)
            {
                items = items.Take(f).ToList();
            }

            if (bounds.Last is { } l)
            {
                items = items.Skip(Math.Max(0, items.Count - l)).ToList();
            }

            var (start, end) = bounds.Resolve(total);
            Assert.Equal(items, Enumerable.Range(start, end - start));
            if (!bounds.NeedsTotal && items.Count > 0 && (before is null || before <= total))
            {
                var (ps, pe) = bounds.Planned();
                Assert.True(ps <= start && pe >= end);
            }
        }
    }
}
