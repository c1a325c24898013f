using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Waldur.GraphGateway.Tests.Support;

/// <summary>Every log line the gateway writes (all levels, with exception text), so tests can search them.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _lines = new();

    public IReadOnlyList<CapturedLog> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLog> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The structured values too: a token could hide in a property that the message template leaves out.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            lines.Enqueue(new CapturedLog(logLevel, category, $"{formatter(state, exception)} {values}", exception?.ToString()));
        }
    }
}

/// <summary>One captured log line.</summary>
public sealed record CapturedLog(LogLevel Level, string Category, string Message, string? Exception)
{
    public string AllText => $"{Category} {Message} {Exception}";

    /// <summary>An error nobody handled: Polly reports every timeout it enforces at Error level, which is the pipeline working.</summary>
    public bool IsUnhandledError => Level >= LogLevel.Error && Category != "Polly";
}
