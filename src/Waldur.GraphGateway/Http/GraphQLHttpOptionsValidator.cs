using Microsoft.Extensions.Options;

namespace Waldur.GraphGateway.Http;

/// <summary>Stops start-up on a bad limit, naming the configuration key so the operator knows what to fix.</summary>
public sealed class GraphQLHttpOptionsValidator : IValidateOptions<GraphQLHttpOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphQLHttpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new SettingFailures(GraphQLHttpOptions.SectionName);

        failures.Range(nameof(options.MaxRequestBodyBytes), options.MaxRequestBodyBytes, 1024, 256L * 1024 * 1024);
        failures.Range(nameof(options.MaxDocumentLength), options.MaxDocumentLength, 64, 10_000_000);
        failures.Range(nameof(options.MaxDepth), options.MaxDepth, 1, 1000);
        failures.Range(nameof(options.MaxFields), options.MaxFields, 1, 1_000_000);
        failures.Range(nameof(options.MaxAliases), options.MaxAliases, 0, 1_000_000);
        failures.Range(nameof(options.MaxComplexity), options.MaxComplexity, 1, int.MaxValue);
        failures.Range(nameof(options.DefaultPageSize), options.DefaultPageSize, 1, 10_000);
        failures.Range(nameof(options.MaxBatchSize), options.MaxBatchSize, 1, 1000);
        failures.Range(nameof(options.PersistedQueryCacheSize), options.PersistedQueryCacheSize, 0, 1_000_000);
        failures.Range(nameof(options.DocumentCacheSize), options.DocumentCacheSize, 0, 1_000_000);
        if (options.ExecutionTimeout <= TimeSpan.Zero || options.ExecutionTimeout > TimeSpan.FromHours(1))
        {
            failures.Add(nameof(options.ExecutionTimeout), $"must be positive and at most 01:00:00 (was {options.ExecutionTimeout}).");
        }

        foreach (var origin in options.AllowedOriginList())
        {
            if (origin != "*" && !Uri.TryCreate(origin, UriKind.Absolute, out _))
            {
                failures.Add(nameof(options.AllowedOrigins), $"has '{origin}', which is neither '*' nor an absolute origin.");
            }
        }

        return failures.Result();
    }
}
