namespace Waldur.Catalog.Generator;

/// <summary>The spec or the overrides cannot produce a catalog; the message says where and why.</summary>
public sealed class CatalogException : Exception
{
    public CatalogException() { }

    public CatalogException(string message) : base(message) { }

    public CatalogException(string message, Exception innerException) : base(message, innerException) { }
}
