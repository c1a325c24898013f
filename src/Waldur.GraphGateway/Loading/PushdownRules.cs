using Waldur.Catalog.Model;
using Waldur.GraphGateway.Loading.Filtering;

namespace Waldur.GraphGateway.Loading;

/// <summary>Which <c>where</c> operations a catalog filter evaluates in Waldur.</summary>
internal static class PushdownRules
{
    public static IEnumerable<PushdownRule> For(FilterDescriptor filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return filter.Lookup switch
        {
            FilterLookup.Exact or FilterLookup.Boolean => [Rule(filter, FilterOperations.Eq)],
            FilterLookup.IContains => [Rule(filter, FilterOperations.Contains)],
            FilterLookup.After => [Rule(filter, FilterOperations.Gte)],
            FilterLookup.Before => [Rule(filter, FilterOperations.Lte)],
            // A multi-value filter also takes a single value.
            FilterLookup.CsvMulti or FilterLookup.RepeatedMulti => [Rule(filter, FilterOperations.In), Rule(filter, FilterOperations.Eq)],
            _ => [],
        };
    }

    private static PushdownRule Rule(FilterDescriptor filter, string operation) => new(filter.Field, operation, filter.Parameter, filter.Lookup);
}
