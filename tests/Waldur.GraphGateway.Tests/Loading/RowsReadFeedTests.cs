using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.WaldurApi;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading;

/// <summary>The fetcher's rows reach every primer, including one that subscribes after they were read.</summary>
public sealed class RowsReadFeedTests
{
    private static WaldurRow Image(int i) => TestCatalog.Row("DigitalOceanImage", new Dictionary<string, object?> { ["uuid"] = $"{i:x32}" });

    [Fact]
    public void A_late_primer_first_hears_the_rows_read_before_it_in_order_then_the_new_ones()
    {
        var feed = new RowsReadFeed();
        var early = new Recording();
        feed.Subscribe(early);
        IReadOnlyList<WaldurRow> first = [Image(1)], second = [Image(2)], third = [Image(3)];
        feed.Prime(first);
        feed.Prime(second);

        var late = new Recording();
        feed.Subscribe(late);
        feed.Prime(third);

        Assert.Equal([first, second, third], early.Primed);
        Assert.Equal([first, second, third], late.Primed);
    }

    [Fact]
    public void A_primer_is_required() => Assert.Throws<ArgumentNullException>(() => new RowsReadFeed().Subscribe(null!));

    private sealed class Recording : IResourcePrimer
    {
        public List<IReadOnlyList<WaldurRow>> Primed { get; } = [];

        public void Prime(IReadOnlyList<WaldurRow> rows) => Primed.Add(rows);
    }
}
