using Waldur.GraphGateway.Errors;

namespace Waldur.GraphGateway.Loading;

/// <summary>
/// The most Waldur rows one gateway-side scan may read (<see cref="ListOptions.ScanBudgetRows"/>), and the
/// <c>SCAN_BUDGET_EXCEEDED</c> text that names what sent the scan to the gateway. Every scan checks it on the count of
/// its first page, before reading the rest, so the refusal costs one request.
/// </summary>
internal sealed class ScanBudget(int rows)
{
    public int Rows => rows;

    public bool Allows(int total) => total <= rows;

    /// <summary>A list field's scan: its residual filters and order are why the gateway must read every row.</summary>
    internal GatewayException Exceeded(ListPlan plan, int total)
    {
        var reasons = plan.ResidualFields.Select(f => $"`{f}`").ToList();
        var requested = plan.RequestedOrder;
        if (requested.Count > 0 && requested[0] != new Sorting.SortKey(plan.Resource.DefaultOrderField, false))
        {
            reasons.Add("order by " + string.Join(", ", requested.Select(k => $"`{k.Field}`")));
        }

        return new GatewayException(ErrorCodes.ScanBudgetExceeded,
            $"`{plan.Resource.FieldName}` would read {total} rows from Waldur (budget {rows}) to evaluate " +
            $"{string.Join(" and ", reasons)} in the gateway. {plan.NarrowingAdvice()}");
    }

    /// <summary>A batch of parents' children: the arguments apply per parent, so every child row is read.</summary>
    internal GatewayException ExceededByParents(ListResource source, int parents, int total) =>
        new(ErrorCodes.ScanBudgetExceeded,
            $"The {source.Descriptor.NounPlural} of {parents} parents are {total} rows in Waldur (budget {rows}); " +
            "ask for fewer parents or add filters Waldur applies itself.");
}
