namespace Waldur.GraphGateway.Loading.Filtering;

/// <summary>HotChocolate's operation names, used both as GraphQL field names and in the filter model.</summary>
internal static class FilterOperations
{
    public const string Eq = "eq";
    public const string Neq = "neq";
    public const string In = "in";
    public const string Nin = "nin";
    public const string Contains = "contains";
    public const string NContains = "ncontains";
    public const string StartsWith = "startsWith";
    public const string NStartsWith = "nstartsWith";
    public const string EndsWith = "endsWith";
    public const string NEndsWith = "nendsWith";
    public const string Gt = "gt";
    public const string Ngt = "ngt";
    public const string Gte = "gte";
    public const string Ngte = "ngte";
    public const string Lt = "lt";
    public const string Nlt = "nlt";
    public const string Lte = "lte";
    public const string Nlte = "nlte";

    public const string Some = "some";
    public const string All = "all";
    public const string None = "none";
    public const string Any = "any";

    public static readonly string[] Text = [Eq, Neq, Contains, NContains, In, Nin, StartsWith, NStartsWith, EndsWith, NEndsWith];
    public static readonly string[] Boolean = [Eq, Neq];
    public static readonly string[] Comparable = [Eq, Neq, In, Nin, Gt, Ngt, Gte, Ngte, Lt, Nlt, Lte, Nlte];
}
