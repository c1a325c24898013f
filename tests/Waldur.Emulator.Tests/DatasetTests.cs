using Waldur.Emulator.Data;

namespace Waldur.Emulator.Tests;

public sealed class DatasetTests
{
    private static readonly string[] Distributions =
        ["Arch Linux", "CentOS", "CoreOS", "Debian", "Fedora", "Fedora Atomic", "FreeBSD", "Gentoo", "openSUSE", "RancherOS", "Rocky Linux", "Ubuntu", "Unknown"];

    [Fact]
    public void Default_dataset_is_150_images_over_12_regions_and_deterministic()
    {
        var a = EmulatorDataset.Generate(new EmulatorOptions());
        var b = EmulatorDataset.Generate();
        Assert.Equal(150, a.Images.Count);
        Assert.Equal(12, a.Regions.Count);
        Assert.Equal(a.Images.Select(i => Expected.Image(i, "h")), b.Images.Select(i => Expected.Image(i, "h")));
        Assert.NotEqual(a.Images[0].Uuid, EmulatorDataset.Generate(seed: 7).Images[0].Uuid);
    }

    [Fact]
    public void A_larger_dataset_extends_a_smaller_one()
    {
        var small = EmulatorDataset.Generate(imageCount: 50);
        var large = EmulatorDataset.Generate(imageCount: 500);
        Assert.Equal(small.Images.Select(i => Expected.Image(i, "h")), large.Images.Take(50).Select(i => Expected.Image(i, "h")));
    }

    [Fact]
    public void Data_is_realistic()
    {
        var data = EmulatorDataset.Generate();
        Assert.All(data.Images, i => Assert.Contains(i.Distribution, Distributions));
        Assert.All(data.Images, i => Assert.Contains(i.Type, new[] { "base", "snapshot", "backup", "custom" }));
        Assert.All(data.Images, i => Assert.Equal(i.Slug is not null, i.IsOfficial));
        Assert.All(data.Images, i => Assert.True(i.MinDiskSize is null || i.MinDiskSize % 1024 == 0));
        Assert.All(data.Images, i => Assert.InRange(i.Name.Length, 1, 150));
        Assert.Contains(data.Images, i => i.Name == "Ubuntu 22.04 (LTS) x64" && i.IsOfficial && i.Type == "snapshot");
        Assert.Contains(data.Images, i => System.Text.RegularExpressions.Regex.IsMatch(i.Name, @"^Ubuntu [a-z0-9-]+-\d\d \d{4}-\d\d-\d\d$") && !i.IsOfficial);
        Assert.Contains(data.Images, i => i.Type == "backup");
        Assert.Contains(data.Images, i => i.Type == "custom");
        Assert.InRange(data.Images.Count(i => i.CreatedAt is null), 1, 20);
        Assert.InRange(data.Images.Count(i => i.MinDiskSize is null), 1, 20);
        Assert.InRange(data.Images.Count(i => i.Regions.Count == 0), 1, 30);
        Assert.Equal(data.Regions.Count, data.Regions.Select(r => r.Name).Distinct().Count());
        Assert.Contains(data.Regions, r => r.Name == "New York 1");
        Assert.All(data.Images.Concat<object>(data.Regions), o => Assert.Matches("^[0-9a-f]{32}$", o is EmulatorImage i ? i.Uuid : ((EmulatorRegion)o).Uuid));
    }

    [Fact]
    public void Many_regions_get_unique_realistic_names()
    {
        var data = EmulatorDataset.Generate(imageCount: 10, regionCount: 60);
        Assert.Equal(60, data.Regions.Select(r => r.Name).Distinct().Count());
        Assert.All(data.Regions, r => Assert.Matches(@"^[A-Z][A-Za-z ]+ \d+$", r.Name));
    }

    [Fact]
    public void Per_token_data_gives_each_token_a_different_stable_subset()
    {
        var data = EmulatorDataset.Generate(perTokenData: true);
        var alice = data.Images.Where(i => data.IsVisibleTo(i, "alice")).ToList();
        var bob = data.Images.Where(i => data.IsVisibleTo(i, "bob")).ToList();
        Assert.InRange(alice.Count, 60, 140);
        Assert.NotEqual(alice, bob);
        Assert.All(data.Images, i => Assert.True(EmulatorDataset.Generate().IsVisibleTo(i, "anyone")));
    }
}

public sealed class SizeAndDropletDatasetTests
{
    [Fact]
    public void Sizes_are_DigitalOceans_catalog_and_droplets_are_deterministic()
    {
        var a = EmulatorDataset.Generate();
        var b = EmulatorDataset.Generate(new EmulatorOptions());
        Assert.Equal(20, a.Sizes.Count);
        Assert.Equal(60, a.Droplets.Count);
        Assert.Contains(a.Sizes, s => s is { Name: "s-1vcpu-1gb", Cores: 1, Ram: 1024, Disk: 25600, Transfer: 1048576 });
        Assert.All(a.Sizes, s => Assert.Matches("^[a-z0-9-]+$", s.Name));
        Assert.All(a.Sizes, s => Assert.NotEmpty(s.Regions));
        Assert.Equal(a.Droplets.Select(d => d.ToString()), b.Droplets.Select(d => d.ToString()));
        Assert.NotEqual(a.Droplets[0].Uuid, EmulatorDataset.Generate(seed: 7).Droplets[0].Uuid);
        Assert.All(a.Droplets, d => Assert.Contains(d.State, EmulatorDroplet.StateCodes.Keys));
        Assert.Contains(a.Droplets, d => d.State == "ERRED" && d.ErrorMessage.Length > 0);
        Assert.All(a.Droplets, d => Assert.Matches(@"^[a-z0-9.-]+$", d.Name));
    }

    [Fact]
    public void DropletCount_is_an_option_and_a_larger_count_extends_a_smaller_one()
    {
        var small = EmulatorDataset.Generate(dropletCount: 10);
        var large = EmulatorDataset.Generate(dropletCount: 500);
        Assert.Equal(10, small.Droplets.Count);
        Assert.Equal(small.Droplets.Select(d => d.ToString()), large.Droplets.Take(10).Select(d => d.ToString()));
        Assert.Equal(EmulatorDataset.Generate().Images.Select(i => i.Uuid), large.Images.Select(i => i.Uuid));
        Assert.Empty(EmulatorDataset.Generate(dropletCount: 0).Droplets);
    }

    [Fact]
    public async Task DropletCount_is_read_from_configuration()
    {
        await using var host = await EmulatorHost.StartAsync("--Emulator:DropletCount=3");
        using var client = host.Client();
        var (response, _) = await client.GetWithBodyAsync("/api/digitalocean-droplets/");
        Assert.Equal("3", response.Header("X-Result-Count"));
    }
}
