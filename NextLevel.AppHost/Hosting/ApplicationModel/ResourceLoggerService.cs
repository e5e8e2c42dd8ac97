using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace NextLevel.AppHost.Hosting.ApplicationModel;

/// <summary>One line of a resource's console: what its process printed, or what the AppHost said about it.</summary>
public sealed record LogLine(long Sequence, DateTimeOffset Timestamp, string Text, bool IsError);

/// <summary>
/// The console log of every resource, kept in memory (the last <see cref="Capacity"/> lines each) and followed live
/// by the ops page. [Singleton - ThreadSafe]
/// </summary>
public sealed class ResourceLoggerService(TimeProvider timeProvider, ILoggerFactory loggerFactory)
{
    private readonly ILogger _appHostLog = loggerFactory.CreateLogger("NextLevel.AppHost");

    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, ResourceLog> _logs = new(StringComparer.Ordinal);

    public ResourceLog GetLog(string resourceName) => _logs.GetOrAdd(resourceName, _ => new ResourceLog(timeProvider));

    /// <summary>
    /// A logger whose messages go into the resource's console log (restarts, health changes); warnings and errors
    /// also reach the AppHost's own console, so that a crash is seen without opening the ops page.
    /// </summary>
    public ILogger GetLogger(IResource resource) => new ResourceLogger(resource.Name, GetLog(resource.Name), _appHostLog);

    private sealed class ResourceLogger(string resourceName, ResourceLog log, ILogger appHostLog) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }
            var message = formatter(state, exception);
            log.Append($"[apphost] {message}", isError: logLevel >= LogLevel.Warning);
            if (logLevel >= LogLevel.Warning)
            {
                appHostLog.Log(logLevel, "{Resource}: {Message}", resourceName, message);
            }
        }
    }
}

/// <summary>The console log of one resource. [ThreadSafe: one lock per log]</summary>
public sealed class ResourceLog(TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private readonly CircularBuffer<LogLine> _lines = new(ResourceLoggerService.Capacity);
    private ImmutableList<Channel<LogLine>> _followers = [];
    private long _sequence;

    public void Append(string text, bool isError)
    {
        lock (_gate)
        {
            var line = new LogLine(++_sequence, timeProvider.GetUtcNow(), text, isError);
            _lines.Add(line);
            foreach (var follower in _followers)
            {
                follower.Writer.TryWrite(line);
            }
        }
    }

    public IReadOnlyList<LogLine> GetLines()
    {
        lock (_gate)
        {
            return _lines.ToArray();
        }
    }

    /// <summary>The kept lines after <paramref name="afterSequence"/>, then each new line as it is appended.</summary>
    public async IAsyncEnumerable<LogLine> FollowAsync(long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Bounded so that a stalled reader costs at most this many lines of memory; it loses the oldest instead.
        var channel = Channel.CreateBounded<LogLine>(new BoundedChannelOptions(ResourceLoggerService.Capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.DropOldest,
        });
        LogLine[] backlog;
        lock (_gate)
        {
            backlog = _lines.ToArray();
            _followers = _followers.Add(channel);
        }

        try
        {
            foreach (var line in backlog)
            {
                if (line.Sequence > afterSequence)
                {
                    yield return line;
                }
            }
            await foreach (var line in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return line;
            }
        }
        finally
        {
            lock (_gate)
            {
                _followers = _followers.Remove(channel);
            }
        }
    }
}
