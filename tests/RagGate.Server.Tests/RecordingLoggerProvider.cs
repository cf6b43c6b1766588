using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RagGate.Server.Tests;

/// <summary>Records every log entry (all levels) into a queue.</summary>
internal sealed class RecordingLoggerProvider(ConcurrentQueue<(LogLevel Level, string Category, string Message)> entries) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(LogLevel, string, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? "" : " " + exception.GetType().Name)));
    }
}
