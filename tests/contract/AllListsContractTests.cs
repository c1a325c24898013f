using System.Text.Json.Nodes;
using Waldur.GraphGateway.Hosting;
using Xunit;
using Xunit.Abstractions;

namespace Waldur.GraphGateway.ContractTests;

/// <summary>
/// With <c>Catalog:Include=*</c>, every root connection of the schema (every list operation of Waldur's spec without path
/// parameters) asked <c>first: 3</c> with <c>totalCount</c>: it answers data, or errors that all carry a code other than
/// <c>INTERNAL_ERROR</c> (a list the target Waldur lacks is such a coded error); never a bare failure.
/// </summary>
[Collection(ContractCollection.Name)]
public sealed class AllListsContractTests(ContractFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_root_connection_answers_data_or_a_coded_error()
    {
        var roots = CatalogSelection.Select(CatalogSelection.Everything, null).Catalog.Resources
            .Where(r => r.Parent is null && !r.Path.Contains('{', StringComparison.Ordinal)).ToList();
        await using var gateway = new Gateway(fixture.Target.Root, new Dictionary<string, string?>
        {
            ["Catalog:Include"] = CatalogSelection.Everything,
            ["RateLimiting:Enabled"] = "false",
        });
        var failures = new List<string>();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var resource in roots)
        {
            var answer = await gateway.QueryAsync($"{{ {resource.ListField}(first: 3) {{ totalCount nodes {{ __typename }} }} }}", fixture.Target.Staff);
            var codes = Oracle.ErrorCodes(answer).Distinct().ToList();
            var outcome = codes.Count == 0 ? "data" : string.Join("+", codes);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            if (codes.Count == 0 && answer["data"]?[resource.ListField] is not JsonObject)
            {
                failures.Add($"{resource.ListField} (/{resource.Path}): neither data nor errors: {Oracle.Trim(answer.ToJsonString())}");
            }
            else if (codes.Any(c => c is "INTERNAL_ERROR" or "NO_CODE"))
            {
                failures.Add($"{resource.ListField} (/{resource.Path}): {Oracle.Errors(answer)}");
            }
            else if (codes.Count > 0)
            {
                output.WriteLine($"{resource.ListField} (/{resource.Path}): coded error {Oracle.Errors(answer)}");
            }
        }

        output.WriteLine($"{roots.Count} root connections against {fixture.Target.Description}: " +
                         string.Join(", ", outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}")));
        Assert.True(roots.Count > 250, $"only {roots.Count} root connections with Catalog:Include=*");
        Assert.True(failures.Count == 0, $"{failures.Count} of {roots.Count} root connections fail without a code other than INTERNAL_ERROR " +
                                         $"against {fixture.Target.Description}:\n{string.Join("\n", failures.Take(60))}" +
                                         (failures.Count > 60 ? $"\n… and {failures.Count - 60} more" : ""));
    }
}
