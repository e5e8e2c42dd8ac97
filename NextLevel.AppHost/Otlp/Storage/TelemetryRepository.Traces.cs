using NextLevel.AppHost.Otlp.Model;

namespace NextLevel.AppHost.Otlp.Storage;

public sealed partial class TelemetryRepository
{
    private readonly Lock _tracesLock = new();
    private readonly Dictionary<string, ResourceTraces> _traces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TraceEntry> _traceIndex = new(StringComparer.Ordinal);

    public void AddSpans(string resource, IReadOnlyList<OtlpSpan> spans)
    {
        if (spans.Count == 0)
        {
            return;
        }
        lock (_tracesLock)
        {
            if (!_traces.TryGetValue(resource, out var traces))
            {
                _traces[resource] = traces = new ResourceTraces(_limits.MaxTracesPerResource);
            }
            foreach (var span in spans)
            {
                if (traces.Touch(span.TraceId) is { } evicted && _traceIndex.TryGetValue(evicted, out var old))
                {
                    old.RemoveResource(resource);
                    if (old.IsEmpty)
                    {
                        _traceIndex.Remove(evicted);
                    }
                }
                if (!_traceIndex.TryGetValue(span.TraceId, out var entry))
                {
                    _traceIndex[span.TraceId] = entry = new TraceEntry(span.TraceId);
                }
                if (entry.SpanCount(resource) >= _limits.MaxSpansPerTrace)
                {
                    traces.DroppedSpans++;
                    continue;
                }
                entry.Add(span);
            }
        }
        NotifyWatchers(TelemetrySignal.Traces);
    }

    /// <summary>The trace's spans from every resource, by start time; <see langword="null"/> when none is kept.</summary>
    public OtlpTrace? GetTrace(string traceId)
    {
        lock (_tracesLock)
        {
            return _traceIndex.TryGetValue(traceId, out var entry) && !entry.IsEmpty ? entry.ToTrace() : null;
        }
    }

    /// <summary>
    /// Newest first: traces touching the resource (any resource when null), at least the given duration. Reads the
    /// maintained time spans and copies the spans of the returned page only.
    /// </summary>
    public PagedResult<OtlpTrace> GetTraces(GetTracesContext context)
    {
        var newest = new PriorityQueue<TraceEntry, DateTimeOffset>(context.Limit + 1);
        var total = 0;
        lock (_tracesLock)
        {
            var resource = context.Resource is null ? null : _traces.Keys.FirstOrDefault(k => string.Equals(k, context.Resource, StringComparison.OrdinalIgnoreCase));
            if (context.Resource is not null && resource is null)
            {
                return new PagedResult<OtlpTrace>([], 0);
            }
            foreach (var entry in _traceIndex.Values)
            {
                if ((resource is not null && !entry.Touches(resource)) || entry.DurationMs < context.MinimumDurationMs)
                {
                    continue;
                }
                total++;
                newest.Enqueue(entry, entry.Start);
                if (newest.Count > context.Limit)
                {
                    newest.Dequeue();
                }
            }
            var page = new OtlpTrace[newest.Count];
            for (var i = page.Length - 1; i >= 0; i--)
            {
                page[i] = newest.Dequeue().ToTrace();
            }
            return new PagedResult<OtlpTrace>(page, total);
        }
    }

    public int CountTraces(string resource)
    {
        lock (_tracesLock)
        {
            return _traces.TryGetValue(resource, out var traces) ? traces.TraceCount : 0;
        }
    }
}

/// <summary>A trace-list query.</summary>
public sealed record GetTracesContext(string? Resource = null, double MinimumDurationMs = 0, int Limit = 100);
