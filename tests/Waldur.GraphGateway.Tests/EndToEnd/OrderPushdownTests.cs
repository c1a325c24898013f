using Waldur.Emulator.Data;
using Waldur.GraphGateway.Loading.Paging;
using Waldur.GraphGateway.Loading.Sorting;
using Waldur.GraphGateway.Tests.Snapshots;
using Xunit;
using Xunit.Abstractions;

namespace Waldur.GraphGateway.Tests.EndToEnd;

/// <summary>
/// <c>order: [{ distribution: ASC }, { type: DESC }]</c> goes down as one <c>o=distribution,-type</c> (U15): a page
/// whose tied runs lie inside the Waldur page is one request, and a page that cuts a run stays exact for a few more.
/// </summary>
public class OrderPushdownTests(GatewayFixture fixture, ITestOutputHelper output) : IClassFixture<GatewayFixture>
{
    private const string Order = "[{ distribution: ASC }, { type: DESC }]";
    private static readonly SortKey[] OrderKeys = [new("distribution", false), new("type", true)];

    [Fact]
    public async Task An_ordered_page_with_no_cut_run_is_one_GET_carrying_one_comma_separated_o()
    {
        var gateway = fixture.Gateway;
        var sorted = Sorted(gateway.Dataset);
        var fetched = Fetched(0, 10, sorted.Count);
        Assert.True(CutRuns(sorted, 0, Math.Min(10, sorted.Count), fetched).Count == 0, "the data should hold a first page with no cut run");

        await gateway.ClearJournalAsync();
        const string query = $"{{ digitalOceanImages(first: 10, order: {Order}) {{ totalCount nodes {{ uuid name distribution type }} }} }}";
        var result = await gateway.QueryAsync(query);
        var journal = await gateway.JournalAsync();
        var connection = result["data"]!["digitalOceanImages"]!;

        Assert.Single(journal);
        Assert.Equal("GET", journal[0].Method);
        Assert.Contains("o=distribution,-type&", Uri.UnescapeDataString(journal[0].Query), StringComparison.Ordinal);
        Assert.Equal(sorted.Take(10).Select(i => i.Uuid), connection["nodes"]!.AsArray().Select(n => n!["uuid"]!.GetValue<string>()));
        Assert.Equal(sorted.Count, connection["totalCount"]!.GetValue<int>());
        MarkdownSnapshot.Match(new GraphQLExchange(query, result) { Waldur = journal });
    }

    [Fact]
    public async Task Pages_that_cut_runs_stay_exact_within_the_request_bound()
    {
        await using var gateway = await GatewayHost.StartAsync(["--Emulator:ImageCount=3000"]);
        var sorted = Sorted(gateway.Dataset);
        var total = sorted.Count;
        var hash = CursorCodec.ArgumentsHash("DigitalOceanImage", null, OrderKeys);
        var (oneRequest, cut, extra) = (0, 0, 0);
        foreach (var start in Enumerable.Range(0, 40).Select(k => k * total / 40).Append(total - 10).Append(total - 3))
        {
            var after = start == 0 ? "" : $", after: \"{CursorCodec.Encode(start - 1, hash)}\"";
            await gateway.ClearJournalAsync();
            var result = await gateway.QueryAsync($"{{ digitalOceanImages(first: 10{after}, order: {Order}) {{ totalCount nodes {{ uuid }} }} }}");
            var journal = await gateway.JournalAsync();
            var connection = result["data"]!["digitalOceanImages"]!;
            Assert.Equal(sorted.Skip(start).Take(10).Select(i => i.Uuid), connection["nodes"]!.AsArray().Select(n => n!["uuid"]!.GetValue<string>()));
            Assert.Equal(total, connection["totalCount"]!.GetValue<int>());
            Assert.Contains("o=distribution,-type&", Uri.UnescapeDataString(journal[0].Query), StringComparison.Ordinal);

            var runs = CutRuns(sorted, start, Math.Min(total, start + 10), Fetched(start, start + 10, total));
            var log = string.Join("\n", journal);
            if (runs.Count == 0)
            {
                oneRequest++;
                Assert.True(journal.Count == 1, log);
                continue;
            }

            cut++;
            extra += journal.Count - 1;
            // A cut run is read whole for its exact filters: one request per 300 rows, plus at most one re-read of a name
            // tie at each page boundary (U16); a run cut on both sides needs one range read (pages of ≤ 300) for its start.
            var bound = 1 + runs.Sum(r => (2 * Pages(r.Length)) - 1 + (r.BothSides ? Pages(r.Length) + 1 : 0));
            Assert.True(journal.Count <= bound, $"{journal.Count} > {bound}:\n{log}");
        }

        output.WriteLine($"{total} images: {oneRequest} pages in one request, {cut} pages cut runs ({extra} extra requests)");
        Assert.True(oneRequest > 0 && cut > 0, "the windows should include pages with and without cut runs");
    }

    private static int Pages(int rows) => Math.Max(1, (rows + 299) / 300);

    /// <summary>The gateway's order over the emulator's data: the requested keys (ordinal, as Waldur's emulator sorts), then uuid.</summary>
    private static List<EmulatorImage> Sorted(EmulatorDataset dataset) =>
        [.. dataset.Images.OrderBy(i => i.Distribution, StringComparer.Ordinal).ThenByDescending(i => i.Type, StringComparer.Ordinal)
            .ThenBy(i => i.Uuid, StringComparer.Ordinal)];

    /// <summary>The rows the planner reads for a forward window [start, end): the page chosen around it, one row of margin each side.</summary>
    private static (int Start, int End) Fetched(int start, int end, int total)
    {
        var choice = PageChooser.Choose(Math.Max(0, start - 1), end + 1);
        var first = (choice.FirstPage - 1) * choice.PageSize;
        return (first, Math.Min(total, first + (choice.PageCount * choice.PageSize)));
    }

    /// <summary>The runs of equal (distribution, type) that the window touches and the fetched rows do not hold whole.</summary>
    private static List<(int Length, bool BothSides)> CutRuns(List<EmulatorImage> sorted, int from, int to, (int Start, int End) fetched)
    {
        var runs = new List<(int, bool)>();
        for (var position = from; position < to;)
        {
            var (distribution, type) = (sorted[position].Distribution, sorted[position].Type);
            var runStart = position;
            while (runStart > 0 && sorted[runStart - 1].Distribution == distribution && sorted[runStart - 1].Type == type)
            {
                runStart--;
            }

            var runEnd = position;
            while (runEnd < sorted.Count && sorted[runEnd].Distribution == distribution && sorted[runEnd].Type == type)
            {
                runEnd++;
            }

            var (left, right) = (runStart < fetched.Start, runEnd > fetched.End);
            if (left || right)
            {
                runs.Add((runEnd - runStart, left && right));
            }

            position = runEnd;
        }

        return runs;
    }
}
