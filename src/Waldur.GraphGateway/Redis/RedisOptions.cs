using Microsoft.Extensions.Options;
using Waldur.OptionsValidation;

namespace Waldur.GraphGateway.Redis;

/// <summary>
/// Settings under <c>Redis:*</c>. Without <see cref="Configuration"/> the gateway is one replica on its own: persisted
/// queries and the Waldur response cache stay in process. With it, replicas share both through that Redis.
/// </summary>
internal sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>The bounds of a <see cref="TimeSpan"/> range with no upper limit.</summary>
    private const string OneTick = "00:00:00.0000001", NoLimit = "10675199.02:48:05.4775807";

    /// <summary>
    /// A StackExchange.Redis configuration string (<c>host:port,password=…</c>). The gateway puts its own fail-fast
    /// defaults first (<see cref="RedisConnection.Defaults"/>), so the string overrides them where it names them.
    /// </summary>
    public string? Configuration { get; set; }

    /// <summary>How long a registered persisted query stays in Redis (the bound on what Apollo clients can fill it with).</summary>
    [SettingRange(typeof(TimeSpan), OneTick, NoLimit, ErrorMessage = Section + ":" + nameof(PersistedQueryTtl) + " must be positive.")]
    public TimeSpan PersistedQueryTtl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>After a Redis timeout or error, how long the gateway answers without Redis before trying it again.</summary>
    [SettingRange(typeof(TimeSpan), "00:00:00", NoLimit, ErrorMessage = Section + ":" + nameof(RetryAfter) + " must not be negative.")]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Configuration);
}

[OptionsValidator]
internal sealed partial class RedisOptionsValidator : IValidateOptions<RedisOptions>;
