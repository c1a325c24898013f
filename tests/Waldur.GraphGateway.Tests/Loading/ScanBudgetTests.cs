using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Loading;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading;

/// <summary>The one scan budget: a scan of exactly the budget's rows is allowed, one more is refused with SCAN_BUDGET_EXCEEDED.</summary>
public sealed class ScanBudgetTests
{
    [Fact]
    public void The_budget_is_the_most_rows_a_scan_may_read()
    {
        var budget = new ScanBudget(300);
        Assert.Equal(300, budget.Rows);
        Assert.True(budget.Allows(300));
        Assert.False(budget.Allows(301));
    }

    [Fact]
    public void A_batch_of_parents_past_the_budget_names_the_parents_and_the_rows()
    {
        var error = new ScanBudget(10).ExceededByParents(TestCatalog.Resources["Project"], 3, 11);
        Assert.Equal(ErrorCodes.ScanBudgetExceeded, error.Code);
        Assert.Equal("The projects of 3 parents are 11 rows in Waldur (budget 10); ask for fewer parents or add filters Waldur applies itself.", error.Message);
    }
}
