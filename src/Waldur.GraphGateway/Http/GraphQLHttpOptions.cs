using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Hosting;
using Waldur.OptionsValidation;

namespace Waldur.GraphGateway.Http;

/// <summary>
/// The transport's limits and switches, bound from the <c>GraphQL</c> configuration section
/// (environment form <c>GraphQL__MaxDepth</c>). Every limit is on by default so a fresh gateway is safe to expose.
/// </summary>
internal sealed class GraphQLHttpOptions : IValidatableObject
{
    public const string Section = "GraphQL";

    /// <summary>Largest accepted request body; beyond it 413 without reading the rest.</summary>
    [SettingRange(typeof(long), "1024", "268435456", ErrorMessage = Section + ":" + nameof(MaxRequestBodyBytes) + Settings.BeBetween)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Longest accepted document text, in characters, checked before parsing.</summary>
    [SettingRange(64, 10_000_000, ErrorMessage = Section + ":" + nameof(MaxDocumentLength) + Settings.BeBetween)]
    public int MaxDocumentLength { get; set; } = 32 * 1024;

    /// <summary>Deepest field nesting in the selected operation (fragments expanded).</summary>
    [SettingRange(1, 1000, ErrorMessage = Section + ":" + nameof(MaxDepth) + Settings.BeBetween)]
    public int MaxDepth { get; set; } = 15;

    /// <summary>Most fields the selected operation may select, fragments expanded (a fragment spread twice counts twice).</summary>
    [SettingRange(1, 1_000_000, ErrorMessage = Section + ":" + nameof(MaxFields) + Settings.BeBetween)]
    public int MaxFields { get; set; } = 500;

    /// <summary>Most aliased fields per document: aliases are the cheap way to multiply work.</summary>
    [SettingRange(0, 1_000_000, ErrorMessage = Section + ":" + nameof(MaxAliases) + Settings.BeBetween)]
    public int MaxAliases { get; set; } = 30;

    /// <summary>Largest estimated cost: each field costs 1, times the page size of every list above it.</summary>
    [SettingRange(1, int.MaxValue, ErrorMessage = Section + ":" + nameof(MaxComplexity) + Settings.BeBetween)]
    public int MaxComplexity { get; set; } = 25_000;

    /// <summary>The page size assumed for a list field with no <c>first</c>/<c>last</c> argument (the schema's default).</summary>
    [SettingRange(1, 10_000, ErrorMessage = Section + ":" + nameof(DefaultPageSize) + Settings.BeBetween)]
    public int DefaultPageSize { get; set; } = 10;

    /// <summary>Most requests in one batched (JSON array) request.</summary>
    [SettingRange(1, 1000, ErrorMessage = Section + ":" + nameof(MaxBatchSize) + Settings.BeBetween)]
    public int MaxBatchSize { get; set; } = 10;

    /// <summary>Longest time one operation may execute before it is cancelled with <c>LIMIT_EXECUTION_TIMEOUT</c>.</summary>
    [SettingRange(typeof(TimeSpan), "00:00:00.0000001", "01:00:00",
        ErrorMessage = Section + ":" + nameof(ExecutionTimeout) + " must be positive and at most {2}.")]
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many automatic persisted queries are remembered (least recently used go first).</summary>
    [SettingRange(0, 1_000_000, ErrorMessage = Section + ":" + nameof(PersistedQueryCacheSize) + Settings.BeBetween)]
    public int PersistedQueryCacheSize { get; set; } = 1000;

    /// <summary>How many parsed and validated documents are remembered, keyed by their text.</summary>
    [SettingRange(0, 1_000_000, ErrorMessage = Section + ":" + nameof(DocumentCacheSize) + Settings.BeBetween)]
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

    /// <summary>The rule that attributes cannot state: each origin is <c>*</c> or absolute.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        AllowedOriginList().Where(origin => origin != "*" && !Uri.TryCreate(origin, UriKind.Absolute, out _))
            .Select(origin => new ValidationResult(
                $"{Section}:{nameof(AllowedOrigins)} has '{origin}', which is neither '*' nor an absolute origin."));
}

/// <summary>Stops start-up on a bad limit, naming the configuration key so the operator knows what to fix.</summary>
[OptionsValidator]
internal sealed partial class GraphQLHttpOptionsValidator : IValidateOptions<GraphQLHttpOptions>;
