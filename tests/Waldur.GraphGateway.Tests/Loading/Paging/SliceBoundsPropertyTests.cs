using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.Paging;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading.Paging;

/// <summary>
/// <see cref="SliceBounds"/> against Relay's algorithm run over a materialised list (ApplyCursorsToEdges, then
/// first/last), and its validation against the rules as written: first and last together, then a negative size, then
/// one above the maximum (first checked before last), then the after cursor, then the before cursor; with neither
/// size, first is the default page size.
/// </summary>
public sealed class SliceBoundsPropertyTests
{
    private static readonly byte[] Hash = CursorCodec.ArgumentsHash("T", null, []);
    private static readonly byte[] OtherHash = CursorCodec.ArgumentsHash("U", null, []);

    [Theory]
    [InlineData(701)]
    [InlineData(702)]
    public void Create_validates_and_fills_in_like_the_rules_say(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 3000; i++)
        {
            var options = new ListOptions { DefaultPageSize = random.Next(1, 20), MaxPageSize = random.Next(1, 30) };
            int? first = random.Next(3) == 0 ? null : random.Next(-2, options.MaxPageSize + 3);
            int? last = random.Next(2) == 0 ? null : random.Next(-2, options.MaxPageSize + 3);
            var (after, afterPosition, afterError) = RandomCursor(random);
            var (before, beforePosition, beforeError) = RandomCursor(random);
            var paging = new PagingArguments(first, after, last, before);
            var description = $"seed {seed}, case {i}: {paging} with default {options.DefaultPageSize}, max {options.MaxPageSize}";

            var (expectedCode, expectedName) = (first, last) switch
            {
                ({ }, { }) => (ErrorCodes.PagingFirstAndLast, "last"),
                ( < 0, _) => (ErrorCodes.PagingNegativeSize, "first"),
                (_, < 0) => (ErrorCodes.PagingNegativeSize, "last"),
                ({ } f, _) when f > options.MaxPageSize => (ErrorCodes.PagingSizeTooLarge, "first"),
                (_, { } l) when l > options.MaxPageSize => (ErrorCodes.PagingSizeTooLarge, "last"),
                _ when afterError is not null => (afterError, "after"),
                _ when beforeError is not null => (beforeError, "before"),
                _ => ((string?)null, (string?)null),
            };

            if (expectedCode is not null)
            {
                var error = Assert.Throws<GatewayException>(() => SliceBounds.Create(paging, options, Hash));
                Assert.True(error.Code == expectedCode, $"{description}: {error.Code}, expected {expectedCode}");
                Assert.True(error.Message.Contains($"`{expectedName}`", StringComparison.Ordinal), $"{description}: '{error.Message}' does not name `{expectedName}`");
                if (expectedCode == ErrorCodes.PagingSizeTooLarge)
                {
                    Assert.Contains(options.MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
                }

                continue;
            }

            var bounds = SliceBounds.Create(paging, options, Hash);
            var expected = new SliceBounds(first ?? (last is null ? options.DefaultPageSize : null), afterPosition, last, beforePosition);
            Assert.True(expected == bounds, $"{description}: {bounds}, expected {expected}");
            Assert.True(bounds.NeedsTotal == (last is not null && before is null), $"{description}: NeedsTotal {bounds.NeedsTotal}");
        }
    }

    [Theory]
    [InlineData(711)]
    [InlineData(712)]
    public void Resolve_is_relay_over_the_list_and_planned_covers_it(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 5000; i++)
        {
            var total = random.Next(0, 50);
            int? after = random.Next(3) == 0 ? random.Next(0, 60) : null;
            int? before = random.Next(3) == 0 ? random.Next(0, 60) : null;
            int? size = random.Next(0, 25);
            var bounds = random.Next(3) switch
            {
                0 => new SliceBounds(size, after, null, before),
                1 => new SliceBounds(null, after, size, before),
                _ => new SliceBounds(null, after, null, before),
            };
            var description = $"seed {seed}, case {i}: {bounds} over {total} rows";

            var items = Enumerable.Range(0, total).Where(p => (after is null || p > after) && (before is null || p < before)).ToList();
            if (bounds.First is { } f)
            {
                items = items.Take(f).ToList();
            }

            if (bounds.Last is { } l)
            {
                items = items.TakeLast(l).ToList();
            }

            var (start, end) = bounds.Resolve(total);
            Assert.True(start <= end && items.SequenceEqual(Enumerable.Range(start, end - start)), $"{description}: resolved [{start}, {end}), relay takes [{string.Join(",", items)}]");
            if (items.Count == 0)
            {
                Assert.True(start == end, $"{description}: empty slice resolved to [{start}, {end})");
            }

            if (bounds.NeedsTotal)
            {
                continue;
            }

            var (plannedStart, plannedEnd) = bounds.Planned();
            Assert.True(plannedStart <= plannedEnd, $"{description}: planned [{plannedStart}, {plannedEnd})");
            if (items.Count > 0 && (before is null || before <= total))
            {
                Assert.True(plannedStart <= start && end <= plannedEnd, $"{description}: planned [{plannedStart}, {plannedEnd}) misses [{start}, {end})");
            }

            // Once the list is long enough, the plan is exact.
            if (plannedEnd < int.MaxValue && total >= plannedEnd)
            {
                Assert.True((plannedStart, plannedEnd) == (start, end), $"{description}: planned [{plannedStart}, {plannedEnd}), resolved [{start}, {end})");
            }
        }
    }

    [Fact]
    public void Positions_near_the_top_of_int_do_not_overflow()
    {
        var bounds = new SliceBounds(100, int.MaxValue - 10, null, null);
        Assert.Equal((int.MaxValue - 9, int.MaxValue), bounds.Planned());
        Assert.Equal((int.MaxValue - 9, int.MaxValue), bounds.Resolve(int.MaxValue));
        Assert.Equal((0, int.MaxValue), new SliceBounds(null, null, null, null).Planned());
        Assert.Equal((0, 5), new SliceBounds(null, null, null, null).Resolve(5));
    }

    private static (string? Cursor, int? Position, string? ErrorCode) RandomCursor(Random random)
    {
        switch (random.Next(6))
        {
            case 0:
            case 1:
            case 2:
                return (null, null, null);
            case 3:
            case 4:
                var position = random.Next(0, 100);
                return (CursorCodec.Encode(position, Hash), position, null);
            default:
                return random.Next(2) == 0
                    ? ("garbage", null, ErrorCodes.CursorInvalid)
                    : (CursorCodec.Encode(1, OtherHash), null, ErrorCodes.CursorArgumentsMismatch);
        }
    }
}
