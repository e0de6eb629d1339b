using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace NetHub.TestKit;

/// <summary>
/// Records every log entry of a test (and echoes it to the test output). Errors and dead letters are
/// failures unless the test declared them expected with <see cref="ExpectErrors"/> or
/// <see cref="ExpectDeadLetters"/>; <see cref="Verify"/> reports the rest.
/// </summary>
public sealed class LogCapture : ILoggerProvider, ILoggerFactory
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private readonly ConcurrentQueue<object> _deadLetters = new();
    private readonly List<Func<LogEntry, bool>> _allowedErrors = [];
    private readonly List<Func<object, bool>> _allowedDeadLetters = [];
    private readonly ITestOutputHelper? _output;

    public LogCapture(ITestOutputHelper? output = null) => _output = output;

    public IReadOnlyCollection<LogEntry> Entries => [.. _entries];

    /// <summary>Declares errors matching <paramref name="predicate"/> as expected for this test.</summary>
    public void ExpectErrors(Func<LogEntry, bool> predicate)
    {
        lock (_allowedErrors)
        {
            _allowedErrors.Add(predicate);
        }
    }

    /// <summary>Declares dead letters (their messages) matching <paramref name="predicate"/> as expected; null allows all.</summary>
    public void ExpectDeadLetters(Func<object, bool>? predicate = null)
    {
        lock (_allowedDeadLetters)
        {
            _allowedDeadLetters.Add(predicate ?? (_ => true));
        }
    }

    public bool Contains(LogLevel level, string fragment) =>
        _entries.Any(e => e.Level == level && e.Message.Contains(fragment, StringComparison.Ordinal));

    public int Count(Func<LogEntry, bool> predicate) => _entries.Count(predicate);

    /// <summary>Records a dead letter (the kit subscribes this to the event stream).</summary>
    public void RecordDeadLetter(object message) => _deadLetters.Enqueue(message);

    /// <summary>Problems found: unexpected errors and dead letters, one line each.</summary>
    public IReadOnlyList<string> Verify()
    {
        var problems = new List<string>();
        Func<LogEntry, bool>[] allowedErrors;
        lock (_allowedErrors)
        {
            allowedErrors = [.. _allowedErrors];
        }

        Func<object, bool>[] allowedDead;
        lock (_allowedDeadLetters)
        {
            allowedDead = [.. _allowedDeadLetters];
        }

        foreach (LogEntry entry in _entries)
        {
            if (entry.Level >= LogLevel.Error && !allowedErrors.Any(a => a(entry)))
            {
                problems.Add($"unexpected error log: {entry}");
            }
        }

        foreach (object message in _deadLetters)
        {
            if (!allowedDead.Any(a => a(message)))
            {
                problems.Add($"unexpected dead letter: {message.GetType().Name} {message}");
            }
        }

        return problems;
    }

    public ILogger CreateLogger(string categoryName) => new CaptureLogger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private void Add(LogEntry entry)
    {
        _entries.Enqueue(entry);
        try
        {
            _output?.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {entry}");
        }
        catch (InvalidOperationException)
        {
            // The test has finished; xunit no longer accepts output for it.
        }
    }

    private sealed class CaptureLogger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            if (IsEnabled(logLevel))
            {
                owner.Add(new LogEntry(logLevel, category, eventId, formatter(state, exception), exception));
            }
        }
    }
}
