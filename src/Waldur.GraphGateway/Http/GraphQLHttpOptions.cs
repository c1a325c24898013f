namespace Waldur.GraphGateway.Http;

/// <summary>
/// The transport's limits and switches, bound from the <c>GraphQL</c> configuration section
/// (environment form <c>GraphQL__MaxDepth</c>). Every limit is on by default so a fresh gateway is safe to expose.
/// </summary>
public sealed class GraphQLHttpOptions
{
    public const string SectionName = "GraphQL";

    /// <summary>Largest accepted request body; beyond it 413 without reading the rest.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Longest accepted document text, in characters, checked before parsing.</summary>
    public int MaxDocumentLength { get; set; } = 32 * 1024;

    /// <summary>Deepest field nesting in the selected operation (fragments expanded).</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>Most fields the selected operation may select, fragments expanded (a fragment spread twice counts twice).</summary>
    public int MaxFields { get; set; } = 500;

    /// <summary>Most aliased fields per document: aliases are the cheap way to multiply work.</summary>
    public int MaxAliases { get; set; } = 30;

    /// <summary>Largest estimated cost: each field costs 1, times the page size of every list above it.</summary>
    public int MaxComplexity { get; set; } = 25_000;

    /// <summary>The page size assumed for a list field with no <c>first</c>/<c>last</c> argument (the schema's default).</summary>
    public int DefaultPageSize { get; set; } = 10;

    /// <summary>Most requests in one batched (JSON array) request.</summary>
    public int MaxBatchSize { get; set; } = 10;

    /// <summary>Longest time one operation may execute before it is cancelled with <c>LIMIT_EXECUTION_TIMEOUT</c>.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many automatic persisted queries are remembered (least recently used go first).</summary>
    public int PersistedQueryCacheSize { get; set; } = 1000;

    /// <summary>How many parsed and validated documents are remembered, keyed by their text.</summary>
    public int DocumentCacheSize { get; set; } = 500;

    public bool EnableIntrospection { get; set; } = true;

    /// <summary>Serve Banana Cake Pop to browsers at <c>/graphql/</c>.</summary>
    public bool EnableIde { get; set; } = true;

    /// <summary>
    /// Comma-separated origins allowed by CORS (one string, so the environment form stays one variable);
    /// <c>*</c> allows any, empty sends no CORS headers. Defaults: the hosted Banana Cake Pop and common dev servers.
    /// </summary>
    public string AllowedOrigins { get; set; } = "https://eat.bananacakepop.com,http://localhost:3000,http://localhost:5173";

    public string[] AllowedOriginList() =>
        AllowedOrigins.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
