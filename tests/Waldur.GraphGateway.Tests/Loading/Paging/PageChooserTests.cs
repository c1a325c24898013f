using Waldur.GraphGateway.Loading.Paging;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading.Paging;

public class PageChooserTests
{
    [Fact]
    public void Random_windows_are_covered_by_the_fewest_pages_of_at_most_300()
    {
        var random = new Random(4);
        for (var run = 0; run < 5000; run++)
        {
            var start = random.Next(0, run % 2 == 0 ? 400 : 100_000);
            var length = random.Next(1, run % 3 == 0 ? 700 : 103);
            var choice = PageChooser.Choose(start, start + length);

            Assert.InRange(choice.PageSize, 1, 300);
            Assert.True(choice.FirstPage >= 1);
            Assert.True(choice.Start <= start && choice.End >= start + length, $"[{start},{start + length}) not in {choice}");
            // Minimality: no page size covers the window with fewer consecutive pages (checked independently by
            // walking every size and every page that could hold the window's first row).
            for (var size = 1; size <= 300; size++)
            {
                var firstPage = (start / size) + 1;
                var pagesNeeded = 0;
                for (var pageStart = (firstPage - 1) * size; pageStart < start + length; pageStart += size)
                {
                    pagesNeeded++;
                }

                Assert.True(pagesNeeded >= choice.PageCount, $"size {size} needs {pagesNeeded} < {choice.PageCount} for [{start},{start + length})");
            }
        }
    }

    [Fact]
    public void A_window_of_at_most_300_rows_at_the_start_is_one_request()
    {
        for (var length = 1; length <= 300; length++)
        {
            Assert.Equal(1, PageChooser.Choose(0, length).PageCount);
        }
    }

    [Fact]
    public void Prefers_room_around_the_window_among_equally_cheap_choices()
    {
        // [0, 11) fits many page sizes in one request; with no cap the largest leaves most rows after it for tie detection.
        Assert.Equal(new PageChoice(300, 1, 1), PageChooser.Choose(0, 11));
    }

    [Fact]
    public void With_a_wanted_margin_takes_that_much_room_then_the_fewest_rows()
    {
        const int margin = PageChooser.NameOrderMargin;
        // first: 20 reads [0, 21) plus the margin after it: one page of 53 rows, not 300.
        Assert.Equal(new PageChoice(21 + margin, 1, 1), PageChooser.Choose(0, 21, margin));
        var random = new Random(11);
        for (var run = 0; run < 2000; run++)
        {
            var start = random.Next(0, 5000);
            var end = start + random.Next(1, 250);
            var choice = PageChooser.Choose(start, end, margin);
            var uncapped = PageChooser.Choose(start, end);
            Assert.Equal(uncapped.PageCount, choice.PageCount);
            Assert.True(choice.Start <= start && choice.End >= end, $"[{start},{end}) not in {choice}");
            Assert.True(Room(start, end, choice, margin) >= Math.Min(margin, Room(start, end, uncapped, int.MaxValue)),
                $"{choice} leaves less room than {uncapped} offers for [{start},{end})");
            Assert.True(choice.PageCount * choice.PageSize <= uncapped.PageCount * uncapped.PageSize);
        }
    }

    private static int Room(int start, int end, PageChoice choice, int cap) =>
        Math.Min(cap, Math.Min(choice.Start == 0 ? int.MaxValue : start - choice.Start, choice.End - end));
}
