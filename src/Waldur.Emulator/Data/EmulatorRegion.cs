namespace Waldur.Emulator.Data;

/// <summary>A DigitalOcean region as Waldur serves it (U5). <paramref name="Id"/> is the database insertion order.</summary>
public sealed record EmulatorRegion(int Id, string Uuid, string Name);
