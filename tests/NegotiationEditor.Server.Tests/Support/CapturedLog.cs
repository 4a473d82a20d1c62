using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NegotiationEditor.Server.Tests.Support;

/// <summary>The messages logged at <paramref name="minimum"/> or above, by any category: a logger, or a provider of it.</summary>
internal sealed class CapturedLog(LogLevel minimum) : ILoggerProvider, ILogger
{
    public ConcurrentQueue<string> Messages { get; } = new();

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            Messages.Enqueue(formatter(state, exception));
        }
    }

    public void Dispose()
    {
    }
}
