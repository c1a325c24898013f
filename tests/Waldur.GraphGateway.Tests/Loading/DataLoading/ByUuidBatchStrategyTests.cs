using Waldur.GraphGateway.Loading.DataLoading;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading.DataLoading;

/// <summary>
/// Property-style: random list sizes, key sets and concurrency bounds. A small simulator plays each plan against a
/// list of <c>total</c> rows and counts the Waldur requests and rounds it really makes; the plan must match the
/// simulation and never lose to the cheaper of the two strategies by more than the rule allows.
/// </summary>
public sealed class ByUuidBatchStrategyTests
{
    private const int PageSize = 300;

    [Fact]
    public void With_a_known_total_the_plan_costs_exactly_the_cheaper_strategy()
    {
        var random = new Random(42);
        for (var run = 0; run < 20_000; run++)
        {
            var total = random.Next(0, 12_000);
            var missing = random.Next(0, 200);
            var concurrency = random.Next(1, 40);

            var plan = ByUuidBatchStrategy.Choose(missing, total, concurrency, PageSize);

            var gets = missing;
            var scan = missing == 0 ? 0 : (int)Math.Ceiling(Math.Max(total, 1) / (double)PageSize);
            Assert.Equal(Math.Min(gets, scan), plan.Requests);
            var (requests, rounds) = Simulate(plan.Kind, missing, total, concurrency, found: 0);
            Assert.Equal(requests, plan.Requests);
            Assert.Equal(rounds, plan.Rounds);
            if (plan.Kind == ByUuidFetchKind.Scan)
            {
                Assert.True(scan < gets, "a scan is chosen only when strictly cheaper");
            }
        }
    }

    [Fact]
    public void With_an_unknown_total_the_cost_stays_within_one_request_of_the_gets_and_never_exceeds_the_scan()
    {
        var random = new Random(43);
        for (var run = 0; run < 20_000; run++)
        {
            var total = random.Next(0, 12_000);
            var missing = random.Next(1, 200);
            var concurrency = random.Next(1, 40);
            // Each key is a real row with some probability, else unknown to Waldur; rows sit anywhere in the list.
            var positions = Enumerable.Range(0, missing)
                .Select(_ => total > 0 && random.NextDouble() < 0.8 ? random.Next(total) : -1).ToList();
            var onFirstPage = positions.Count(p => p is >= 0 and < PageSize);

            var plan = ByUuidBatchStrategy.Choose(missing, knownTotal: null, concurrency, PageSize);
            int requests;
            int rounds;
            if (plan.Kind == ByUuidFetchKind.FirstPageThenChoose)
            {
                var rest = ByUuidBatchStrategy.ChooseAfterFirstPage(missing - onFirstPage, total, concurrency, PageSize);
                var (restRequests, restRounds) = Simulate(rest.Kind, missing - onFirstPage, total, concurrency, found: 0, skipFirstPage: true);
                Assert.Equal(restRequests, rest.Requests);
                Assert.Equal(restRounds, rest.Rounds);
                requests = 1 + restRequests;
                rounds = 1 + restRounds;
                Assert.True(requests <= plan.Requests && rounds <= plan.Rounds, "the plan states the worst case");
            }
            else
            {
                Assert.Equal(ByUuidFetchKind.GetEach, plan.Kind);
                (requests, rounds) = Simulate(plan.Kind, missing, total, concurrency, found: 0);
            }

            var scan = (int)Math.Ceiling(Math.Max(total, 1) / (double)PageSize);
            Assert.True(requests <= missing + 1, $"{requests} requests for {missing} keys");
            if (missing > ByUuidBatchStrategy.UnknownCountGetLimit)
            {
                Assert.True(requests <= scan, $"{requests} requests, a full scan is {scan}");
            }
            else
            {
                Assert.Equal(missing, requests);
            }
        }
    }

    [Fact]
    public void GETs_go_in_waves_of_the_concurrency_bound_and_a_known_scan_goes_at_once()
    {
        var random = new Random(44);
        for (var run = 0; run < 5_000; run++)
        {
            var missing = random.Next(1, 300);
            var concurrency = random.Next(1, 64);
            var gets = ByUuidBatchStrategy.Choose(missing, knownTotal: int.MaxValue / 2, concurrency, PageSize);
            Assert.Equal(ByUuidFetchKind.GetEach, gets.Kind);
            Assert.InRange(gets.Rounds * concurrency, missing, missing + concurrency - 1);

            var scan = ByUuidBatchStrategy.Choose(missing + 1, knownTotal: missing * PageSize, concurrency, PageSize);
            Assert.Equal(ByUuidFetchKind.Scan, scan.Kind);
            Assert.Equal(missing, scan.Requests);
        }
    }

    [Fact]
    public void Nothing_missing_costs_nothing_and_bad_arguments_are_refused()
    {
        Assert.Equal(new ByUuidBatchPlan(ByUuidFetchKind.None, 0, 0), ByUuidBatchStrategy.Choose(0, null, 8, PageSize));
        Assert.Equal(new ByUuidBatchPlan(ByUuidFetchKind.None, 0, 0), ByUuidBatchStrategy.ChooseAfterFirstPage(5, 299, 8, PageSize));
        Assert.Throws<ArgumentOutOfRangeException>(() => ByUuidBatchStrategy.Choose(-1, null, 8, PageSize));
        Assert.Throws<ArgumentOutOfRangeException>(() => ByUuidBatchStrategy.Choose(3, -1, 8, PageSize));
        Assert.Throws<ArgumentOutOfRangeException>(() => ByUuidBatchStrategy.Choose(3, 10, 0, PageSize));
    }

    [Fact]
    public void After_the_first_page_a_tie_goes_to_the_gets_and_bad_arguments_are_refused()
    {
        // 900 rows: two pages left, as many as the keys still missing.
        Assert.Equal(new ByUuidBatchPlan(ByUuidFetchKind.GetEach, 2, 1), ByUuidBatchStrategy.ChooseAfterFirstPage(2, 900, 8, PageSize));
        Assert.Equal(new ByUuidBatchPlan(ByUuidFetchKind.Scan, 2, 1), ByUuidBatchStrategy.ChooseAfterFirstPage(3, 900, 8, PageSize));
        Assert.Throws<ArgumentOutOfRangeException>(() => ByUuidBatchStrategy.ChooseAfterFirstPage(-1, 900, 8, PageSize));
        Assert.Throws<ArgumentOutOfRangeException>(() => ByUuidBatchStrategy.ChooseAfterFirstPage(3, -1, 8, PageSize));
        Assert.Throws<ArgumentOutOfRangeException>(() => ByUuidBatchStrategy.ChooseAfterFirstPage(3, 900, 0, PageSize));
        Assert.Throws<ArgumentOutOfRangeException>(() => ByUuidBatchStrategy.ChooseAfterFirstPage(3, 900, 8, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ByUuidBatchStrategy.Choose(3, null, 8, 0));
    }

    /// <summary>Plays a plan: GETs issue one request per key in waves; a scan requests every page (after the first, if skipped).</summary>
    private static (int Requests, int Rounds) Simulate(ByUuidFetchKind kind, int missing, int total, int concurrency, int found, bool skipFirstPage = false)
    {
        var requests = 0;
        var rounds = 0;
        switch (kind)
        {
            case ByUuidFetchKind.GetEach:
                for (var left = missing - found; left > 0; left -= concurrency)
                {
                    rounds++;
                    requests += Math.Min(concurrency, left);
                }
                break;
            case ByUuidFetchKind.Scan:
                var pages = new List<int>();
                for (var offset = skipFirstPage ? PageSize : 0; offset == 0 || offset < total; offset += PageSize)
                {
                    pages.Add(offset);
                }

                for (var i = 0; i < pages.Count; i += concurrency)
                {
                    rounds++;
                    requests += Math.Min(concurrency, pages.Count - i);
                }
                break;
        }
        return (requests, rounds);
    }
}
