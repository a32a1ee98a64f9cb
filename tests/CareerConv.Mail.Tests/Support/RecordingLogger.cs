using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CareerConv.Mail.Tests.Support;

/// <summary>One log event as written: level, event id and the formatted message.</summary>
sealed record LogRecord(LogLevel Level, int EventId, string Message, Exception? Exception);

/// <summary>Keeps every log event so tests can check what was logged, and what was not.</summary>
sealed class RecordingLogger<T> : ILogger<T>
{
    readonly ConcurrentQueue<LogRecord> records = new();

    public IReadOnlyList<LogRecord> Records => [.. records];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        records.Enqueue(new LogRecord(logLevel, eventId.Id, formatter(state, exception), exception));
}
