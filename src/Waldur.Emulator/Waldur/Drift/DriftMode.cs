using System.ComponentModel;
using System.Globalization;

namespace Waldur.Emulator.Waldur.Drift;

/// <summary><c>Emulator:Drift</c>: which Waldur the emulator answers as. <see cref="None"/> is the 8.0.5 document the
/// emulator follows; <see cref="Waldur7"/> (<c>waldur-7</c>) is Waldur Mastermind 7.0.7 as observed on a real server
/// (<see cref="Waldur7Drift"/>).</summary>
[TypeConverter(typeof(DriftModeConverter))]
public enum DriftMode
{
    None,
    Waldur7,
}

/// <summary>Lets the configuration binder read the setting's own spelling (<c>none</c>, <c>waldur-7</c>), not the enum's names.</summary>
public sealed class DriftModeConverter : EnumConverter
{
    public DriftModeConverter()
        : base(typeof(DriftMode))
    {
    }

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) => value switch
    {
        "none" => DriftMode.None,
        "waldur-7" => DriftMode.Waldur7,
        string other => throw new FormatException($"Emulator:Drift must be none or waldur-7 (got '{other}')."),
        _ => base.ConvertFrom(context, culture, value),
    };
}
