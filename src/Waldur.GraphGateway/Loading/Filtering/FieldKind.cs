namespace Waldur.GraphGateway.Loading.Filtering;

/// <summary>How a field filters and sorts.</summary>
internal enum FieldKind
{
    Text,
    Boolean,
    Comparable,
    List,
}
