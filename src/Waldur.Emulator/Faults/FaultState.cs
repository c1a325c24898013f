namespace Waldur.Emulator.Faults;

/// <summary>The fault settings in force; replaced atomically by <c>PUT</c>/<c>DELETE /__emulator/faults</c>.</summary>
public sealed class FaultState(FaultSettings initial)
{
    private FaultSettings _current = initial;

    public FaultSettings Current
    {
        get => Volatile.Read(ref _current);
        set => Volatile.Write(ref _current, value);
    }

    /// <summary>Back to no faults at all (not to the start-up settings).</summary>
    public void Reset() => Current = new FaultSettings();
}
