namespace Waldur.Catalog.Model;

/// <summary>A sort key Waldur applies itself: ordering by <see cref="Field"/> (GraphQL name) is <c>o=Key</c> (<c>o=-Key</c> descending).</summary>
public sealed record OrderDescriptor(string Field, string Key);
