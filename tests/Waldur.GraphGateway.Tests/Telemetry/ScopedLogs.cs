using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Waldur.GraphGateway.Tests.Telemetry;

/// <summary>
/// Log lines with the scope values the logger factory attaches (as the console formatters print them with
/// <c>IncludeScopes</c>): <c>ActivityTrackingOptions</c> adds the trace and span ids this way.
/// </summary>
public sealed class ScopedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<ScopedLog> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<ScopedLog> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ScopedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new Dictionary<string, string?>(StringComparer.Ordinal);
            owner._scopes.ForEachScope((value, values) =>
            {
                if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (key, item) in pairs)
                    {
                        values[key] = item?.ToString();
                    }
                }
            }, scope);
            owner._lines.Enqueue(new ScopedLog(logLevel, category, formatter(state, exception), scope));
        }
    }
}

public sealed record ScopedLog(LogLevel Level, string Category, string Message, IReadOnlyDictionary<string, string?> Scope);
