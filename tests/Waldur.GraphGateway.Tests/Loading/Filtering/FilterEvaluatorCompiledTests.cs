using Waldur.GraphGateway.Loading.Filtering;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading.Filtering;

/// <summary>
/// An <c>or</c> of <c>contains</c> terms (an <c>and</c> of <c>ncontains</c>) is compiled into one multi-string search
/// per field: it must match exactly the rows that one <c>string.Contains(…, OrdinalIgnoreCase)</c> per term matches,
/// non-ASCII and odd casings included.
/// </summary>
public sealed class FilterEvaluatorCompiledTests
{
    private static readonly string[] Names =
        ["Ubuntu 22.04 x64", "UBUNTU", "ubuntu", "Straße", "STRASSE", "İstanbul", "istanbul", "Kelvin K", "kelvin k", "ǅemal", "ǆ", "", "Ωmega", "ωMEGA", "x"];

    private static readonly string[] Needles = ["ubu", "TU 2", "ß", "ss", "İ", "i", "k", "K", "ǆ", "Ω", "x6", "nothing"];

    [Fact]
    public void An_or_of_contains_and_an_and_of_ncontains_match_what_one_contains_per_term_matches()
    {
        var rows = Names.Select(n => new PropertyRow("u", n, null, null, null, null)).Append(new PropertyRow("u", null, null, null, null, null)).ToList();
        for (var size = 1; size <= Needles.Length; size++)
        {
            foreach (var offset in Enumerable.Range(0, Needles.Length))
            {
                var needles = Needles.Skip(offset).Concat(Needles).Take(size).ToList();
                var any = FilterEvaluator.Compile(new AnyOfFilter([.. needles.Select(n => new FieldFilter("name", FilterOperations.Contains, n)),
                    new FieldFilter("size", FilterOperations.Eq, 7L)]), PropertyRow.Fields);
                var none = FilterEvaluator.Compile(new AllOfFilter([.. needles.Select(n => new FieldFilter("name", FilterOperations.NContains, n)),
                    new FieldFilter("size", FilterOperations.Neq, 7L)]), PropertyRow.Fields);
                foreach (var row in rows)
                {
                    var expected = row.Name is { } name && needles.Any(n => name.Contains(n, StringComparison.OrdinalIgnoreCase));
                    Assert.True(expected == any(row), $"'{row.Name}' contains any of {string.Join(", ", needles)}: expected {expected}");
                    Assert.True(!expected == none(row), $"'{row.Name}' contains none of {string.Join(", ", needles)}: expected {!expected}");
                }
            }
        }
    }
}
