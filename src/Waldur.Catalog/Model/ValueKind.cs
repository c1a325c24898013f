namespace Waldur.Catalog.Model;

/// <summary>What one value of a Waldur field is, as the gateway reads, filters, sorts and exposes it.</summary>
#pragma warning disable CA1720 // The members name JSON/GraphQL value kinds, which share names with CLR types.
public enum ValueKind
{
    /// <summary>JSON string (also uuids, URLs, enums and IP addresses).</summary>
    String,

    /// <summary>JSON true/false.</summary>
    Boolean,

    /// <summary>JSON integer, exposed as GraphQL <c>Int</c> (Waldur's integer columns are 32-bit).</summary>
    Int,

    /// <summary>JSON number with a fraction, exposed as GraphQL <c>Float</c>.</summary>
    Float,

    /// <summary>ISO 8601 string, exposed as the <c>DateTime</c> scalar in UTC.</summary>
    DateTime,

    /// <summary>A free-form JSON object or array, exposed as its JSON text; neither filtered nor sorted.</summary>
    Json,

    /// <summary>A nested object of the resource named by <see cref="FieldDescriptor.ObjectType"/>.</summary>
    Object,
}
#pragma warning restore CA1720
