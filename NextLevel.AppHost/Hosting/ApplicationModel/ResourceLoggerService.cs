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
public sealed class ResourceLoggerService(TimeProvider timeProvider)
{
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, ResourceLog> _logs = new(StringComparer.Ordinal);

    public ResourceLog GetLog(string resourceName) => _logs.GetOrAdd(resourceName, _ => new ResourceLog(timeProvider));

    /// <summary>A logger whose messages go into the resource's console log (restarts, health changes).</summary>
    public ILogger GetLogger(IResource resource) => new ResourceLogger(GetLog(resource.Name));

    private sealed class ResourceLogger(ResourceLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log.Append($"[apphost] {formatter(state, exception)}", isError: logLevel >= LogLevel.Warning);
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
