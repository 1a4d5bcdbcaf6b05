using System;
using System.IO;
using Microsoft.Extensions.Logging;
using Opper.Traces.Cli.Output;

namespace Opper.Traces.Cli.Mcp;

/// <summary>
/// Log lines on standard error, one line each (<c>opper-traces mcp: warn: category: message</c>):
/// standard output belongs to the protocol. Nothing logged here carries the API key: it is never
/// passed to a logger, and the client's exceptions never contain it.
/// </summary>
internal sealed class StderrLoggerProvider : ILoggerProvider
{
    private readonly TextWriter _error;
    private readonly LogLevel _minimum;

    /// <summary>Logs at <paramref name="minimum"/> and above to <paramref name="error"/>.</summary>
    public StderrLoggerProvider(TextWriter error, LogLevel minimum)
    {
        _error = TextWriter.Synchronized(error ?? throw new ArgumentNullException(nameof(error)));
        _minimum = minimum;
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class Logger : ILogger
    {
        private readonly StderrLoggerProvider _provider;
        private readonly string _category;

        public Logger(StderrLoggerProvider provider, string category)
        {
            _provider = provider;
            _category = category;
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= _provider._minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            string message = formatter(state, exception);
            if (exception is not null)
            {
                message += " (" + exception.GetType().Name + ": " + exception.Message + ")";
            }

            _provider._error.WriteLine("opper-traces mcp: " + Level(logLevel) + ": " + _category + ": " + Text.OneLine(message));
        }

        private static string Level(LogLevel level) => level switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            _ => "crit",
        };
    }
}
