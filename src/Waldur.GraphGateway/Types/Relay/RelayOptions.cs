namespace Waldur.GraphGateway.Types.Relay;

/// <summary>Configuration section <c>Relay</c>.</summary>
public sealed class RelayOptions
{
    public const string Section = "Relay";

    /// <summary><c>Relay:MaxNodeIds</c>: the most ids one <c>nodes(ids:)</c> may ask for (each may cost a Waldur call).</summary>
    public int MaxNodeIds { get; set; } = 50;

    public const int MaxNodeIdsCeiling = 1000;
}
