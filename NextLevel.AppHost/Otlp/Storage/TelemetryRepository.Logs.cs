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

    /// <summary>
    /// Newest first (in order of arrival), filtered, at most <see cref="GetLogsContext.Limit"/>, with the number that
    /// matched in all. Reads the buffers in place, newest to oldest, copying only the page.
    /// </summary>
    public PagedResult<OtlpLogEntry> GetLogs(GetLogsContext context)
    {
        var minimumRank = context.MinimumLevel is null ? 0 : Math.Max(0, OtlpLogEntry.LevelRank(context.MinimumLevel));
        var page = new List<OtlpLogEntry>();
        var total = 0;
        lock (_logsLock)
        {
            foreach (var (resource, buffer) in _logs)
            {
                if (context.Resource is not null && !string.Equals(resource, context.Resource, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                var taken = 0;
                for (var i = buffer.Count - 1; i >= 0; i--)
                {
                    var entry = buffer[i];
                    if (OtlpLogEntry.LevelRank(entry.Level) < minimumRank
                        || (context.TraceId is not null && entry.TraceId != context.TraceId)
                        || (!string.IsNullOrEmpty(context.Text) && !entry.Matches(context.Text)))
                    {
                        continue;
                    }
                    total++;
                    if (taken++ < context.Limit)
                    {
                        page.Add(entry);
                    }
                }
            }
        }
        page.Sort((a, b) => b.Sequence.CompareTo(a.Sequence));
        return new PagedResult<OtlpLogEntry>(page.Count > context.Limit ? page[..context.Limit] : page, total);
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
