namespace Waldur.Emulator.Data.Core;

/// <summary>How many rows each core list has (<c>Emulator:Core:*</c>).</summary>
public sealed record CoreCounts
{
    public int Customers { get; init; } = 6;
    public int Projects { get; init; } = 18;
    public int Users { get; init; } = 30;
    public int Categories { get; init; } = 8;
    public int ServiceProviders { get; init; } = 4;
    public int Offerings { get; init; } = 25;
    public int Plans { get; init; } = 40;
    public int Resources { get; init; } = 120;
    public int Orders { get; init; } = 200;
    public int Invoices { get; init; } = 48;
    public int Events { get; init; } = 300;
    public int Tenants { get; init; } = 10;
    public int Instances { get; init; } = 60;
    public int Volumes { get; init; } = 80;
}
