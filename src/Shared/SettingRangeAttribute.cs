using System.ComponentModel.DataAnnotations;

namespace Waldur.OptionsValidation;

/// <summary>
/// <see cref="RangeAttribute"/> that keeps its <c>ErrorMessage</c>: the options source generator (10.0) replaces a plain
/// <c>[Range]</c> with its own copy, which ignores the message and so would name the C# property instead of the key.
/// One source compiled into the gateway and the emulator (linked by both projects), internal to each.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class SettingRangeAttribute : RangeAttribute
{
    public SettingRangeAttribute(int minimum, int maximum)
        : base(minimum, maximum)
    {
    }

    public SettingRangeAttribute(double minimum, double maximum)
        : base(minimum, maximum)
    {
    }

    public SettingRangeAttribute(Type operandType, string minimum, string maximum)
        : base(operandType, minimum, maximum)
    {
    }
}
