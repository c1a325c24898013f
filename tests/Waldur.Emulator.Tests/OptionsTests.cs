using Microsoft.Extensions.Options;
using Waldur.Emulator.Data;

namespace Waldur.Emulator.Tests;

/// <summary>The emulator's settings, bound by the configuration binder: every documented key and form is read, and a bad
/// value stops start-up with a message naming its key.</summary>
public sealed class OptionsTests
{
    [Theory]
    [InlineData("--Emulator:Faults:ErrorRate=2", "Emulator:Faults")]
    [InlineData("--Emulator:ImageCount=-3", "Emulator:ImageCount")]
    [InlineData("--Emulator:CustomerCount=-1", "Emulator:CustomerCount")]
    [InlineData("--Emulator:Tokens=a b", "Emulator:Tokens")]
    [InlineData("--Emulator:Users:x:Role=boss", "Emulator:Users:x:Role")]
    [InlineData("--Emulator:Users:x:Role=customer-owner", "Emulator:Users:x")]
    public void Bad_start_settings_stop_start_up_naming_the_key(string setting, string key)
    {
        var error = Assert.Throws<OptionsValidationException>(() => EmulatorApp.Build([setting]));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unparseable_value_names_its_key()
    {
        var error = Assert.ThrowsAny<InvalidOperationException>(() => EmulatorApp.Build(["--Emulator:ProjectCount=many"]));

        Assert.Contains("Emulator:ProjectCount", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flat_core_counts_and_both_token_forms_are_read()
    {
        await using var app = EmulatorApp.Build(["--Emulator:CustomerCount=3", "--Emulator:VolumeCount=5", "--Emulator:Tokens=a, b"]);
        await using var list = EmulatorApp.Build(["--Emulator:Tokens:0=x", "--Emulator:Tokens:1=y"]);
        await using var defaults = EmulatorApp.Build([]);
        var core = app.Services.GetRequiredService<EmulatorDataset>().Core;

        Assert.Equal((3, 5, 18), (core.Customers.Count, core.Volumes.Count, core.Projects.Count));
        Assert.Equal(["a", "b"], app.Services.GetRequiredService<EmulatorOptions>().Tokens);
        Assert.Equal(["x", "y"], list.Services.GetRequiredService<EmulatorOptions>().Tokens);
        Assert.Equal(["demo-token"], defaults.Services.GetRequiredService<EmulatorOptions>().Tokens);
    }
}
