namespace Waldur.GraphGateway.Types.Federation;

/// <summary>An entity representation as a router sends it to <c>_entities</c>: the <c>@key(fields: "uuid")</c> only.</summary>
internal sealed class EntityReference
{
    public string Uuid { get; set; } = "";
}
