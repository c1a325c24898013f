using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Types.Filtering;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Http;

/// <summary>
/// The validation rules a request runs, chosen by <see cref="GraphQLRequestExecutor"/> rather than appended by
/// GraphQL.NET's registrations (which would always leave at least one rule, and any rule makes GraphQL.NET walk the
/// whole document twice): every rule the first time an operation of a document is seen; afterwards only the two that
/// read variables (<see cref="VariableReading"/>); and none once the operation passed those with the same values of
/// the variables they read (<see cref="VariableVerdicts"/>). Variables are coerced and arguments parsed either way.
/// </summary>
internal sealed class ValidationRuleSets
{
    public ValidationRuleSets(FilterSizeValidationRule filterSize, IOptions<GraphQLHttpOptions> http, IOptions<ListOptions> lists)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(lists);
        var limits = http.Value;
        var scanPages = (lists.Value.ScanBudgetRows + WaldurListQuery.MaxPageSize - 1) / WaldurListQuery.MaxPageSize;
        var complexity = new ComplexityValidationRule(new ComplexityOptions
        {
            MaxComplexity = limits.MaxComplexity,
            // Depth is measured (and limited) by DocumentShapeAnalyzer, which ignores introspection.
            MaxDepth = null,
            DefaultComplexityImpactDelegate = context => PageSizeComplexity.Impact(context, limits.DefaultPageSize, scanPages),
        });
        VariableReading = [filterSize, complexity];
        IEnumerable<IValidationRule> core = DocumentValidator.CoreRules;
        if (!limits.EnableIntrospection)
        {
            core = core.Append(NoIntrospectionValidationRule.Instance);
        }

        Full = [.. core, .. VariableReading];
    }

    /// <summary>GraphQL's core rules, no-introspection when introspection is off, then <see cref="VariableReading"/>.</summary>
    public IReadOnlyList<IValidationRule> Full { get; }

    /// <summary>
    /// The rules whose verdict depends on the request's variables: filter size and complexity. Both read only the
    /// arguments <see cref="PageSizeComplexity.ArgumentsRead"/> names and the fields directives keep.
    /// </summary>
    public IReadOnlyList<IValidationRule> VariableReading { get; }
}
