using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Hosting;
using Waldur.OptionsValidation;

namespace Waldur.GraphGateway.Types.Relay;

/// <summary>Configuration section <c>Relay</c>.</summary>
internal sealed class RelayOptions
{
    public const string Section = "Relay";

    public const int MaxNodeIdsCeiling = 1000;

    /// <summary><c>Relay:MaxNodeIds</c>: the most ids one <c>nodes(ids:)</c> may ask for (each may cost a Waldur call).</summary>
    [SettingRange(1, MaxNodeIdsCeiling, ErrorMessage = Section + ":" + nameof(MaxNodeIds) + Settings.BeBetween)]
    public int MaxNodeIds { get; set; } = 50;
}

[OptionsValidator]
internal sealed partial class RelayOptionsValidator : IValidateOptions<RelayOptions>;
