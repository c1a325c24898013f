namespace Waldur.GraphGateway.Types.Filtering;

/// <summary>The descriptions every operation input shares; they state what Waldur means by each operation.</summary>
internal static class OperationFilterInputs
{
    public const string ExactNote = " Exact and case-sensitive.";
    public const string CaseInsensitiveNote = " Case-insensitive (as Waldur's `name` filter).";
}
