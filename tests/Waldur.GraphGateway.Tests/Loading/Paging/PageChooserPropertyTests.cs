using Waldur.GraphGateway.Loading.Paging;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading.Paging;

/// <summary>
/// <see cref="PageChooser"/> against a brute force that tries every page size, walks the pages one by one, and ranks
/// the choices as the contract says: fewest requests, then the most spare rows on the thinner side (capped at the
/// wanted margin; a first page that starts at 0 has unlimited room on its left), then the fewest rows.
/// </summary>
public sealed class PageChooserPropertyTests
{
    [Theory]
    [InlineData(801)]
    [InlineData(802)]
    [InlineData(803)]
    public void The_choice_is_the_best_of_every_page_size(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 1500; i++)
        {
            var maxPageSize = random.Next(3) == 0 ? random.Next(1, 5) : random.Next(1, 80);
            var start = random.Next(4) == 0 ? random.Next(0, 4) : random.Next(0, 600);
            var end = start + (random.Next(4) == 0 ? random.Next(1, 4) : random.Next(1, 200));
            var wanted = random.Next(4) switch
            {
                0 => int.MaxValue,
                1 => 0,
                _ => random.Next(1, 40),
            };

            var choice = PageChooser.Choose(start, end, wanted, maxPageSize);
            var expected = BruteForce(start, end, wanted, maxPageSize);
            Assert.True(expected == choice, $"seed {seed}, case {i}: [{start}, {end}) margin {wanted} max {maxPageSize}: {choice}, brute force {expected}");
            Assert.True(choice.Start <= start && end <= choice.End, $"seed {seed}, case {i}: {choice} misses [{start}, {end})");
        }
    }

    [Fact]
    public void The_defaults_are_waldurs_300_rows_and_no_margin_cap()
    {
        Assert.Equal(new PageChoice(300, 1, 1), PageChooser.Choose(0, 300));
        Assert.Equal(BruteForce(1000, 1021, int.MaxValue, 300), PageChooser.Choose(1000, 1021));
        Assert.Equal(BruteForce(1000, 1021, int.MaxValue, 300), PageChooser.Choose(1000, 1021, int.MaxValue));
        Assert.Equal(BruteForce(1000, 1021, int.MaxValue, 300), PageChooser.Choose(1000, 1021, maxPageSize: 300));
    }

    [Fact]
    public void Empty_or_negative_windows_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PageChooser.Choose(-1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => PageChooser.Choose(5, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => PageChooser.Choose(5, 4));
        Assert.Equal(new PageChoice(1, 1, 1), PageChooser.Choose(0, 1, 0, 1));
        Assert.Equal(new PageChoice(1, 6, 1), PageChooser.Choose(5, 6, 0, 1));
    }

    [Fact]
    public void Page_choice_positions()
    {
        var choice = new PageChoice(PageSize: 7, FirstPage: 3, PageCount: 2);
        Assert.Equal(14, choice.Start);
        Assert.Equal(28, choice.End);
    }

    private static PageChoice BruteForce(int start, int end, int wanted, int maxPageSize)
    {
        PageChoice? best = null;
        (int Count, long Margin, int Rows) bestRank = default;
        for (var size = 1; size <= maxPageSize; size++)
        {
            var pages = new List<int>();
            for (var page = 1; (page - 1) * size < end; page++)
            {
                var pageStart = (page - 1) * size;
                if (pageStart + size > start)
                {
                    pages.Add(page);
                }
            }

            var first = pages[0];
            var last = pages[^1];
            var left = first == 1 ? long.MaxValue : start - ((first - 1) * size);
            var right = (last * size) - end;
            var rank = (Count: pages.Count, Margin: Math.Min(wanted, Math.Min(left, right)), Rows: pages.Count * size);
            var better = best is null
                || rank.Count < bestRank.Count
                || (rank.Count == bestRank.Count && rank.Margin > bestRank.Margin)
                || (rank.Count == bestRank.Count && rank.Margin == bestRank.Margin && rank.Rows < bestRank.Rows);
            if (better)
            {
                best = new PageChoice(size, first, pages.Count);
                bestRank = rank;
            }
        }

        return best!.Value;
    }
}
