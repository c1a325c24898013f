using System.Collections.Frozen;
using GraphQL.Types;
using GraphQL.Validation.Complexity;
using Waldur.GraphGateway.Types.Filtering;

namespace Waldur.GraphGateway.Http;

/// <summary>
/// The cost model behind <see cref="GraphQLHttpOptions.MaxComplexity"/>: every field costs 1, and everything under a
/// list costs as many times as the list has rows. A paged field (one that takes <c>first</c> or <c>last</c>) has as
/// many rows as the caller asks for, or <see cref="GraphQLHttpOptions.DefaultPageSize"/>; the <c>edges</c>/<c>nodes</c>
/// lists directly under it add nothing more, since the page already counted them. Any other list is assumed to have
/// a default page of rows. Introspection is free: it reads the schema in memory.
/// <para>Inputs cost too (HotChocolate prices filter and sort arguments the same way): a field with <c>where</c>/<c>order</c>
/// terms (<see cref="FilterInputSize"/>) adds one per term, plus <c>scanPages</c> (of <see cref="Impact"/>) when it has any, since
/// such a field may need a residual scan of up to <c>Lists:ScanBudgetRows</c> rows (that many Waldur pages). Like
/// every field's cost, this is multiplied by the page sizes above it, and read from the arguments with this request's
/// variables applied.</para>
/// </summary>
internal static class PageSizeComplexity
{
    /// <summary>
    /// Every argument this cost model and <see cref="FilterSizeValidationRule"/> read: a cached verdict of both is keyed
    /// by the variables inside these (<see cref="VariableVerdicts"/>), so a rule that reads another argument adds it here.
    /// </summary>
    public static readonly FrozenSet<string> ArgumentsRead = FrozenSet.Create(StringComparer.Ordinal, "first", "last", "where", "order");

    public static FieldComplexityResult Impact(FieldImpactContext context, int defaultPageSize, int scanPages)
    {
        var field = context.FieldDefinition;
        if (field.Name.StartsWith("__", StringComparison.Ordinal)
            || context.ParentType.Name.StartsWith("__", StringComparison.Ordinal))
        {
            return new FieldComplexityResult(0, 1);
        }

        var terms = FilterSizeValidationRule.Measure(context.Arguments).Terms;
        double inputs = terms == 0 ? 0 : (double)terms + scanPages;
        if (IsPaged(field))
        {
            int? requested = ReadInt(context, "first") ?? ReadInt(context, "last");
            return new FieldComplexityResult(1 + inputs, Math.Max(1, requested ?? defaultPageSize));
        }

        if (IsList(field.ResolvedType))
        {
            bool underPage = context.Parent is { } parent && IsPaged(parent.FieldDefinition) && !IsList(parent.FieldDefinition.ResolvedType);
            int rows = underPage ? 1 : defaultPageSize;
            // A list of scalars has no children to carry the multiplier, so its rows are its own cost.
            return new FieldComplexityResult((IsLeaf(field.ResolvedType) ? rows : 1) + inputs, rows);
        }

        return new FieldComplexityResult(1 + inputs, 1);
    }

    private static bool IsPaged(FieldType field) =>
        field.Arguments?.Find("first") is not null || field.Arguments?.Find("last") is not null;

    private static bool IsList(IGraphType? type) => type switch
    {
        NonNullGraphType nonNull => IsList(nonNull.ResolvedType),
        ListGraphType => true,
        _ => false,
    };

    private static bool IsLeaf(IGraphType? type) => type switch
    {
        NonNullGraphType nonNull => IsLeaf(nonNull.ResolvedType),
        ListGraphType list => IsLeaf(list.ResolvedType),
        ScalarGraphType or EnumerationGraphType => true,
        _ => false,
    };

    private static int? ReadInt(FieldImpactContext context, string name)
    {
        // A bad value (a string, a huge number) is the validators' to report; cost it as the default.
        try
        {
            return context.GetArgument<int?>(name, null);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            return null;
        }
    }
}
