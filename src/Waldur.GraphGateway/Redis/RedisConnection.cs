using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Waldur.GraphGateway.Telemetry;

namespace Waldur.GraphGateway.Redis;

/// <summary>
/// The one Redis connection, shared by the persisted-query store and the response cache's L2. Redis is an
/// optimisation: while it is down every use is skipped at once (never queued, never waited on), after a timeout or
/// error it is left alone for <see cref="RedisOptions.RetryAfter"/> (a hung Redis costs one timeout, not one per
/// request), each failure is counted (<c>waldur_gateway.redis.failures</c>), and one Warning is logged per outage.
/// </summary>
internal sealed class RedisConnection : IDisposable
{
    /// <summary>
    /// Fail fast: no abort when the first connect fails (it reconnects in the background), a short connect, and
    /// command timeouts short enough that a slow Redis costs a request at most a quarter second.
    /// </summary>
    public const string Defaults = "abortConnect=false,connectTimeout=1000,syncTimeout=250,asyncTimeout=250,connectRetry=1";

    private readonly ILogger<RedisConnection> _logger;
    private readonly long _retryAfterMs;
    private int _down;
    private long _pausedUntilMs;

    public RedisConnection(IOptions<RedisOptions> options, ILogger<RedisConnection> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        _retryAfterMs = (long)options.Value.RetryAfter.TotalMilliseconds;
        var configuration = ConfigurationOptions.Parse($"{Defaults},{options.Value.Configuration}");
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        Multiplexer = ConnectionMultiplexer.Connect(configuration);
        Multiplexer.ConnectionFailed += (_, e) => Failed(e.FailureType.ToString());
        Multiplexer.ConnectionRestored += (_, _) => Restored();
        if (!Multiplexer.IsConnected)
        {
            Failed("not reachable at start-up");
        }
    }

    public IConnectionMultiplexer Multiplexer { get; }

    /// <summary>False while Redis is unreachable or paused after a failure: callers then skip it rather than wait.</summary>
    public bool IsAvailable => Multiplexer.IsConnected && Environment.TickCount64 >= Volatile.Read(ref _pausedUntilMs);

    /// <summary>
    /// Runs <paramref name="operation"/> against Redis, or returns <paramref name="fallback"/> when Redis is down, slow
    /// or failing: the caller then answers from memory or from Waldur.
    /// </summary>
    public async Task<T> TryAsync<T>(Func<IDatabase, Task<T>> operation, T fallback)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (!IsAvailable)
        {
            Skipped();
            return fallback;
        }

        try
        {
            var result = await operation(Multiplexer.GetDatabase());
            Restored();
            return result;
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            Volatile.Write(ref _pausedUntilMs, Environment.TickCount64 + _retryAfterMs);
            Failed(e.GetType().Name);
            return fallback;
        }
    }

    /// <summary>An operation with no result (a write): skipped, like a read, while Redis is down or failing.</summary>
    public Task TryAsync(Func<IDatabase, Task> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return TryAsync(async database =>
        {
            await operation(database);
            return true;
        }, false);
    }

    /// <summary>What a Redis client throws when Redis, not the gateway, is at fault.</summary>
    private static bool IsRedisFailure(Exception e) => e is RedisException or TimeoutException or ObjectDisposedException;

    /// <summary>An operation not even tried because the connection is down: counted, logged with the outage.</summary>
    private void Skipped() => Failed("not connected");

    private void Failed(string reason)
    {
        GatewayTelemetry.RedisFailures.Add(1);
        if (Interlocked.Exchange(ref _down, 1) == 0)
        {
            _logger.LogWarning("Redis is unavailable ({Reason}); answering from memory and Waldur until it is back", reason);
        }
    }

    private void Restored()
    {
        // Read first: every successful operation lands here, and most find nothing to restore.
        if (Volatile.Read(ref _down) == 1 && Interlocked.Exchange(ref _down, 0) == 1)
        {
            Volatile.Write(ref _pausedUntilMs, 0);
            _logger.LogInformation("Redis is available again");
        }
    }

    public void Dispose() => Multiplexer.Dispose();
}
