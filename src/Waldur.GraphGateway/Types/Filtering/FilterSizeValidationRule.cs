using GraphQL.Validation;
using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Loading;

namespace Waldur.GraphGateway.Types.Filtering;

/// <summary>
/// Refuses a field whose <c>where</c> and <c>order</c> together hold more than <see cref="ListOptions.MaxFilterTerms"/>
/// terms, or an <c>in</c>/<c>nin</c> list longer than <see cref="ListOptions.MaxInListLength"/>, with
/// <c>FILTER_TOO_COMPLEX</c>. It runs once the arguments are coerced with this request's variables, on every request
/// (a cached document with new variables is measured again), and before execution, so no Waldur call is made.
/// </summary>
internal sealed class FilterSizeValidationRule(IOptions<ListOptions> options) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limits = options.Value;
        foreach (var (field, arguments) in context.ArgumentValues ?? new Dictionary<GraphQLParser.AST.GraphQLField, IDictionary<string, GraphQL.Execution.ArgumentValue>>())
        {
            var size = Measure(arguments);
            var name = field.Name.StringValue;
            if (size.Terms > limits.MaxFilterTerms)
            {
                context.ReportError(Error(context, field,
                    $"`{name}`: `where` and `order` hold {size.Terms} terms; at most {limits.MaxFilterTerms} are allowed. " +
                    "Split the filter over several requests, or use `in` for alternatives of one field."));
            }
            else if (size.LongestList > limits.MaxInListLength)
            {
                context.ReportError(Error(context, field,
                    $"`{name}`: an `in`/`nin` list has {size.LongestList} values; at most {limits.MaxInListLength} are allowed."));
            }
        }

        return default;
    }

    /// <summary>The terms of a field's <c>where</c> and <c>order</c> arguments (absent: none).</summary>
    public static FilterInputSize Measure(IDictionary<string, GraphQL.Execution.ArgumentValue>? arguments)
    {
        var size = default(FilterInputSize);
        foreach (var name in (ReadOnlySpan<string>)["where", "order"])
        {
            if (arguments is not null && arguments.TryGetValue(name, out var value))
            {
                size = size.Plus(FilterInputSize.Of(value.Value));
            }
        }

        return size;
    }

    private static ValidationError Error(ValidationContext context, GraphQLParser.AST.GraphQLField field, string message) =>
        new(context.Document.Source, null, message, field) { Code = ErrorCodes.FilterTooComplex };
}
