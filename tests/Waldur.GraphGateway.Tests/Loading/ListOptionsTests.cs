using Waldur.GraphGateway.Loading;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading;

/// <summary>The rule across <c>Lists:*</c> keys: the default page may equal the largest page, never exceed it.</summary>
public sealed class ListOptionsTests
{
    [Fact]
    public void A_default_page_size_up_to_the_maximum_is_valid()
    {
        var result = new ListOptionsValidator().Validate(null, new ListOptions { DefaultPageSize = 100, MaxPageSize = 100 });
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void A_default_page_size_above_the_maximum_is_refused_naming_both_keys()
    {
        var result = new ListOptionsValidator().Validate(null, new ListOptions { DefaultPageSize = 101, MaxPageSize = 100 });
        Assert.True(result.Failed);
        Assert.Equal(["Lists:DefaultPageSize must not exceed Lists:MaxPageSize."], result.Failures);
    }
}
