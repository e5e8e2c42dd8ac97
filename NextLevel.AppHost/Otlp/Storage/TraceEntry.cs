using NextLevel.AppHost.Otlp.Model;

namespace NextLevel.AppHost.Otlp.Storage;

/// <summary>
/// One trace as kept: the spans every resource sent for it, with its time span maintained as spans arrive, so the
/// trace list is read without touching the spans. [Not ThreadSafe: the repository locks.]
/// </summary>
internal sealed class TraceEntry(string traceId)
{
    private readonly List<OtlpSpan> _spans = [];
    private readonly Dictionary<string, int> _spansPerResource = new(StringComparer.Ordinal);

    public string TraceId { get; } = traceId;

    public DateTimeOffset Start { get; private set; } = DateTimeOffset.MaxValue;

    public DateTimeOffset End { get; private set; } = DateTimeOffset.MinValue;

    public double DurationMs => (End - Start).TotalMilliseconds;

    public bool IsEmpty => _spans.Count == 0;

    public bool Touches(string resource) => _spansPerResource.ContainsKey(resource);

    public int SpanCount(string resource) => _spansPerResource.GetValueOrDefault(resource);

    public void Add(OtlpSpan span)
    {
        _spans.Add(span);
        _spansPerResource[span.Resource] = _spansPerResource.GetValueOrDefault(span.Resource) + 1;
        if (span.Start < Start)
        {
            Start = span.Start;
        }
        if (span.End > End)
        {
            End = span.End;
        }
    }

    /// <summary>Drops what <paramref name="resource"/> sent (its share was evicted from its buffer).</summary>
    public void RemoveResource(string resource)
    {
        if (!_spansPerResource.Remove(resource))
        {
            return;
        }
        _spans.RemoveAll(s => s.Resource == resource);
        Start = _spans.Count == 0 ? DateTimeOffset.MaxValue : _spans.Min(s => s.Start);
        End = _spans.Count == 0 ? DateTimeOffset.MinValue : _spans.Max(s => s.End);
    }

    public OtlpTrace ToTrace() => new(TraceId, _spans.OrderBy(s => s.Start).ToArray());
}
