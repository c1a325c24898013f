using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Waldur.GraphGateway.Tests.Hosting;

/// <summary>Settings files are read once: the host does not watch the folder it started from for changes.</summary>
public sealed class ConfigurationReloadTests
{
    [Fact]
    public void No_settings_file_is_watched_for_changes()
    {
        using var factory = GatewayHost.WithoutEmulator();
        var configuration = (IConfigurationRoot)factory.Services.GetRequiredService<IConfiguration>();

        var files = configuration.Providers.OfType<FileConfigurationProvider>().ToList();

        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.False(file.Source.ReloadOnChange, file.Source.Path));
    }
}
