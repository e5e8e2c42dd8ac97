using NextLevel.AppHost.Otlp.Model;

namespace NextLevel.AppHost.Otlp.Storage;

public sealed partial class TelemetryRepository
{
    private readonly Lock _tracesLock = new();
    private readonly Dictionary<string, ResourceTraces> _traces = new(StringComparer.Ordinal);

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
                _traces[resource] = traces = new ResourceTraces(_limits.MaxTracesPerResource, _limits.MaxSpansPerTrace);
            }
            foreach (var span in spans)
            {
                traces.Add(span);
            }
        }
        NotifyWatchers(TelemetrySignal.Traces);
    }

    /// <summary>The trace's spans from every resource, by start time; <see langword="null"/> when none is kept.</summary>
    public OtlpTrace? GetTrace(string traceId)
    {
        var spans = new List<OtlpSpan>();
        lock (_tracesLock)
        {
            foreach (var traces in _traces.Values)
            {
                if (traces.TryGetSpans(traceId, out var part))
                {
                    spans.AddRange(part);
                }
            }
        }
        return spans.Count == 0 ? null : new OtlpTrace(traceId, spans.OrderBy(s => s.Start).ToArray());
    }

    /// <summary>Newest first: traces touching the resource (any resource when null), at least the given duration.</summary>
    public PagedResult<OtlpTrace> GetTraces(GetTracesContext context)
    {
        List<OtlpTrace> traces;
        lock (_tracesLock)
        {
            var ids = context.Resource is null
                ? _traces.Values.SelectMany(t => t.TraceIds).ToHashSet(StringComparer.Ordinal)
                : _traces.Where(pair => string.Equals(pair.Key, context.Resource, StringComparison.OrdinalIgnoreCase))
                    .SelectMany(pair => pair.Value.TraceIds).ToHashSet(StringComparer.Ordinal);
            traces = new List<OtlpTrace>(ids.Count);
            foreach (var id in ids)
            {
                var spans = new List<OtlpSpan>();
                foreach (var part in _traces.Values)
                {
                    if (part.TryGetSpans(id, out var found))
                    {
                        spans.AddRange(found);
                    }
                }
                traces.Add(new OtlpTrace(id, spans.OrderBy(s => s.Start).ToArray()));
            }
        }
        var matching = traces
            .Where(trace => trace.DurationMs >= context.MinimumDurationMs)
            .OrderByDescending(trace => trace.Start)
            .ToArray();
        return new PagedResult<OtlpTrace>(matching.Take(context.Limit).ToArray(), matching.Length);
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
