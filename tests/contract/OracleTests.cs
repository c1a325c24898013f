using System.Text.Json.Nodes;
using Xunit;

namespace Waldur.GraphGateway.ContractTests;

/// <summary>The suite's own comparisons can fail: the tie-aware order check and the base-URL reading, without any Waldur.</summary>
public sealed class OracleTests
{
    private static readonly List<JsonObject> Rows =
    [
        Row("a", "x"), Row("b", "x"), Row("c", "y"), Row("d", "z"), Row("e", "z"), Row("f", null),
    ];

    private static readonly Dictionary<string, JsonObject> All = Rows.ToDictionary(r => Oracle.Uuid(r)!);

    private static JsonObject Row(string uuid, string? name) => new() { ["uuid"] = uuid, ["name"] = name };

    private static List<string> Compare(params string[] gateway) =>
        Oracle.CompareOrdered("t", gateway, Rows.Take(gateway.Length).ToList(), r => r["name"]?.GetValue<string>(), All);

    [Fact]
    public void Ties_may_come_in_any_order() => Assert.Empty(Compare("b", "a", "c", "d"));

    [Fact]
    public void The_last_tied_run_may_be_any_rows_with_its_key() => Assert.Empty(Compare("b", "a", "c", "e"));

    [Fact]
    public void A_different_sort_key_fails() => Assert.Single(Compare("a", "c", "b", "d"));

    [Fact]
    public void A_missing_row_fails() => Assert.NotEmpty(Compare("a", "b", "c", "f"));

    [Fact]
    public void A_row_Waldur_does_not_list_fails() => Assert.NotEmpty(Compare("a", "b", "q", "d"));

    [Fact]
    public void A_page_of_another_length_fails() =>
        Assert.NotEmpty(Oracle.CompareOrdered("t", ["a", "b"], Rows.Take(3).ToList(), r => r["name"]?.GetValue<string>(), All));

    [Fact]
    public void A_repeated_row_fails() => Assert.NotEmpty(Compare("a", "a", "c", "d"));

    [Theory]
    [InlineData("http://127.0.0.1:18000/api", "http://127.0.0.1:18000/")]
    [InlineData("https://waldur.example.com/api/", "https://waldur.example.com/")]
    [InlineData("https://waldur.example.com/", "https://waldur.example.com/")]
    [InlineData("https://example.com/waldur/api", "https://example.com/waldur/")]
    public void The_base_URL_names_Waldurs_root(string baseUrl, string root) =>
        Assert.Equal(root, ContractTarget.RootOf(new Uri(baseUrl)).AbsoluteUri);
}
