namespace Waldur.Emulator.Data;

/// <summary>The vocabulary of realistic DigitalOcean data (docs/waldur-rules.md, "Realistic data").</summary>
internal static class ImageCatalog
{
    /// <summary>Official distribution images: (distribution, name, slug, min disk GB).</summary>
    public static readonly (string Distribution, string Name, string Slug, int DiskGb)[] Official =
    [
        ("Ubuntu", "Ubuntu 20.04 (LTS) x64", "ubuntu-20-04-x64", 15),
        ("Ubuntu", "Ubuntu 22.04 (LTS) x64", "ubuntu-22-04-x64", 15),
        ("Ubuntu", "Ubuntu 24.04 (LTS) x64", "ubuntu-24-04-x64", 15),
        ("Ubuntu", "Ubuntu 23.10 x64", "ubuntu-23-10-x64", 15),
        ("Debian", "Debian 11 x64", "debian-11-x64", 10),
        ("Debian", "Debian 12 x64", "debian-12-x64", 10),
        ("Fedora", "Fedora 38 x64", "fedora-38-x64", 15),
        ("Fedora", "Fedora 39 x64", "fedora-39-x64", 15),
        ("Rocky Linux", "Rocky Linux 8 x64", "rockylinux-8-x64", 15),
        ("Rocky Linux", "Rocky Linux 9 x64", "rockylinux-9-x64", 15),
        ("CentOS", "CentOS Stream 9 x64", "centos-stream-9-x64", 10),
        ("CentOS", "CentOS 7 x64", "centos-7-x64", 20),
        ("FreeBSD", "FreeBSD 13.2 x64", "freebsd-13-x64-zfs", 20),
        ("FreeBSD", "FreeBSD 14.0 x64", "freebsd-14-x64-zfs", 20),
        ("Arch Linux", "Arch Linux 2024.01.01 x64", "arch-linux-x64", 20),
        ("CoreOS", "CoreOS 2345.3.0 (stable)", "coreos-stable", 20),
        ("Fedora Atomic", "Fedora Atomic 28 x64", "fedora-atomic-28-x64", 20),
        ("Gentoo", "Gentoo 2024 x64", "gentoo-x64", 20),
        ("openSUSE", "openSUSE Leap 15.5 x64", "opensuse-leap-15-5-x64", 20),
        ("RancherOS", "RancherOS v1.5.8", "rancheros", 20),
    ];

    /// <summary>Distributions private snapshots and backups are taken from (weighted by repetition).</summary>
    public static readonly string[] PrivateDistributions =
        ["Ubuntu", "Ubuntu", "Ubuntu", "Ubuntu", "Debian", "Debian", "Rocky Linux", "CentOS", "Fedora", "FreeBSD", "Unknown"];

    public static readonly string[] Hosts =
        ["web", "db", "api", "cache", "worker", "mail", "ci", "vpn", "k8s-node", "gitlab", "proxy", "monitor"];

    public static readonly string[] CustomNames =
        ["pfsense-2.7-amd64", "my-appliance-v3.qcow2", "Windows Server 2022 custom", "opnsense-24.1", "talos-1.6.4-amd64",
         "nixos-23.11-custom", "mikrotik-chr-7.13", "alpine-3.19-cloud", "flatcar-3760.2.0", "vyos-1.4-rolling"];

    public static readonly int[] SnapshotDiskGb = [20, 25, 25, 50, 50, 80, 160];

    /// <summary>DigitalOcean region names in the order regions were added; more regions get further numbers.</summary>
    public static readonly string[] RegionCities =
        ["New York", "San Francisco", "Amsterdam", "Singapore", "London", "Frankfurt", "Toronto", "Bangalore", "Sydney", "Atlanta"];

    public static readonly string[] Regions =
    [
        "New York 1", "New York 3", "San Francisco 3", "Amsterdam 3", "Singapore 1", "London 1", "Frankfurt 1",
        "Toronto 1", "Bangalore 1", "Sydney 1", "San Francisco 2", "Amsterdam 2", "New York 2", "Atlanta 1", "San Francisco 1",
    ];
}
