using Waldur.OptionsValidation;
namespace Waldur.Emulator.Data.Core;

/// <summary>How many rows each core list has: flat keys of the emulator's section (<c>Emulator:CustomerCount</c>, …).</summary>
public sealed record CoreCounts
{
    [ConfigurationKeyName("CustomerCount"), SettingRange(0, 100_000, ErrorMessage = EmulatorOptions.Section + ":CustomerCount" + EmulatorOptions.BeBetween)]
    public int Customers { get; init; } = 6;

    [ConfigurationKeyName("ProjectCount"), SettingRange(0, 1_000_000, ErrorMessage = EmulatorOptions.Section + ":ProjectCount" + EmulatorOptions.BeBetween)]
    public int Projects { get; init; } = 18;

    [ConfigurationKeyName("UserCount"), SettingRange(0, 1_000_000, ErrorMessage = EmulatorOptions.Section + ":UserCount" + EmulatorOptions.BeBetween)]
    public int Users { get; init; } = 30;

    [ConfigurationKeyName("CategoryCount"), SettingRange(0, 10_000, ErrorMessage = EmulatorOptions.Section + ":CategoryCount" + EmulatorOptions.BeBetween)]
    public int Categories { get; init; } = 8;

    [ConfigurationKeyName("ServiceProviderCount"), SettingRange(0, 100_000, ErrorMessage = EmulatorOptions.Section + ":ServiceProviderCount" + EmulatorOptions.BeBetween)]
    public int ServiceProviders { get; init; } = 4;

    [ConfigurationKeyName("OfferingCount"), SettingRange(0, 100_000, ErrorMessage = EmulatorOptions.Section + ":OfferingCount" + EmulatorOptions.BeBetween)]
    public int Offerings { get; init; } = 25;

    [ConfigurationKeyName("PlanCount"), SettingRange(0, 1_000_000, ErrorMessage = EmulatorOptions.Section + ":PlanCount" + EmulatorOptions.BeBetween)]
    public int Plans { get; init; } = 40;

    [ConfigurationKeyName("MarketplaceResourceCount"), SettingRange(0, 1_000_000, ErrorMessage = EmulatorOptions.Section + ":MarketplaceResourceCount" + EmulatorOptions.BeBetween)]
    public int Resources { get; init; } = 120;

    [ConfigurationKeyName("OrderCount"), SettingRange(0, 1_000_000, ErrorMessage = EmulatorOptions.Section + ":OrderCount" + EmulatorOptions.BeBetween)]
    public int Orders { get; init; } = 200;

    [ConfigurationKeyName("InvoiceCount"), SettingRange(0, 1_000_000, ErrorMessage = EmulatorOptions.Section + ":InvoiceCount" + EmulatorOptions.BeBetween)]
    public int Invoices { get; init; } = 48;

    [ConfigurationKeyName("EventCount"), SettingRange(0, 1_000_000, ErrorMessage = EmulatorOptions.Section + ":EventCount" + EmulatorOptions.BeBetween)]
    public int Events { get; init; } = 300;

    [ConfigurationKeyName("TenantCount"), SettingRange(0, 100_000, ErrorMessage = EmulatorOptions.Section + ":TenantCount" + EmulatorOptions.BeBetween)]
    public int Tenants { get; init; } = 10;

    [ConfigurationKeyName("InstanceCount"), SettingRange(0, 1_000_000, ErrorMessage = EmulatorOptions.Section + ":InstanceCount" + EmulatorOptions.BeBetween)]
    public int Instances { get; init; } = 60;

    [ConfigurationKeyName("VolumeCount"), SettingRange(0, 1_000_000, ErrorMessage = EmulatorOptions.Section + ":VolumeCount" + EmulatorOptions.BeBetween)]
    public int Volumes { get; init; } = 80;
}
