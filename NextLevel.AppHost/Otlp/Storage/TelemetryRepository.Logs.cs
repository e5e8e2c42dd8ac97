using NextLevel.AppHost.Hosting.ApplicationModel;
using NextLevel.AppHost.Otlp.Model;

namespace NextLevel.AppHost.Otlp.Storage;

public sealed partial class TelemetryRepository
{
    private readonly Lock _logsLock = new();
    private readonly Dictionary<string, CircularBuffer<OtlpLogEntry>> _logs = new(StringComparer.Ordinal);
    private long _logSequence;

    /// <summary>Sequence numbers start at 1 and order entries by arrival across resources.</summary>
    public long NextLogSequence() => Interlocked.Increment(ref _logSequence);

    public void AddLogs(string resource, IReadOnlyList<OtlpLogEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }
        lock (_logsLock)
        {
            if (!_logs.TryGetValue(resource, out var buffer))
            {
                _logs[resource] = buffer = new CircularBuffer<OtlpLogEntry>(_limits.MaxLogsPerResource);
            }
            foreach (var entry in entries)
            {
                buffer.Add(entry);
            }
        }
        NotifyWatchers(TelemetrySignal.Logs);
    }

    /// <summary>Newest first (by timestamp, then arrival), filtered, at most <see cref="GetLogsContext.Limit"/>.</summary>
    public PagedResult<OtlpLogEntry> GetLogs(GetLogsContext context)
    {
        var minimumRank = context.MinimumLevel is null ? 0 : Math.Max(0, OtlpLogEntry.LevelRank(context.MinimumLevel));
        OtlpLogEntry[] candidates;
        lock (_logsLock)
        {
            candidates = _logs
                .Where(pair => context.Resource is null || string.Equals(pair.Key, context.Resource, StringComparison.OrdinalIgnoreCase))
                .SelectMany(pair => pair.Value.ToArray())
                .ToArray();
        }
        var matching = candidates
            .Where(entry => OtlpLogEntry.LevelRank(entry.Level) >= minimumRank)
            .Where(entry => string.IsNullOrEmpty(context.Text) || entry.Matches(context.Text))
            .Where(entry => context.TraceId is null || entry.TraceId == context.TraceId)
            .OrderByDescending(entry => entry.Timestamp)
            .ThenByDescending(entry => entry.Sequence)
            .ToArray();
        return new PagedResult<OtlpLogEntry>(matching.Take(context.Limit).ToArray(), matching.Length);
    }

    /// <summary>Entries kept for <paramref name="resource"/> (what the bounds limit).</summary>
    public int CountLogs(string resource)
    {
        lock (_logsLock)
        {
            return _logs.TryGetValue(resource, out var buffer) ? buffer.Count : 0;
        }
    }
}
