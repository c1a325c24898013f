using System.Reflection;
using Waldur.GraphGateway.Errors;
using Xunit;

namespace Waldur.GraphGateway.Tests.Http;

/// <summary>Clients read the README's error-code table; every code the gateway can emit must be in it.</summary>
public sealed class ErrorCodeDocumentationTests
{
    [Fact]
    public void Every_error_code_has_a_row_in_the_readme_table()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var codes = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        var missing = codes.Where(code => !readme.Contains($"| `{code}` |", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(codes);
        Assert.True(missing.Count == 0, "README.md's error table (section: errors) lacks: " + string.Join(", ", missing));
    }
}
