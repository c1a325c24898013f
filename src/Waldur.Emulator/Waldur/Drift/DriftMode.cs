namespace Waldur.Emulator.Waldur.Drift;

/// <summary><c>Emulator:Drift</c>: which Waldur the emulator answers as. <see cref="None"/> is the 8.0.5 document the
/// emulator follows; <see cref="Waldur7"/> (<c>waldur-7</c>) is Waldur Mastermind 7.0.7 as observed on a real server
/// (<see cref="Waldur7Drift"/>).</summary>
public enum DriftMode
{
    None,
    Waldur7,
}
