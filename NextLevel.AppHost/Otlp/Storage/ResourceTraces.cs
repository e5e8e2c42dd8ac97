using NextLevel.AppHost.Otlp.Model;

namespace NextLevel.AppHost.Otlp.Storage;

/// <summary>
/// One resource's share of the traces: its spans grouped by trace id, in order of first arrival. Past the cap the
/// oldest trace's spans from this resource are dropped; other resources keep theirs. [Not ThreadSafe: the repository locks.]
/// </summary>
internal sealed class ResourceTraces(int maxTraces, int maxSpansPerTrace)
{
    private readonly Dictionary<string, List<OtlpSpan>> _spansByTrace = new(StringComparer.Ordinal);
    private readonly Queue<string> _arrivalOrder = new();

    public int TraceCount => _spansByTrace.Count;

    public long DroppedSpans { get; private set; }

    public void Add(OtlpSpan span)
    {
        if (!_spansByTrace.TryGetValue(span.TraceId, out var spans))
        {
            if (_spansByTrace.Count >= maxTraces)
            {
                _spansByTrace.Remove(_arrivalOrder.Dequeue());
            }
            _spansByTrace[span.TraceId] = spans = [];
            _arrivalOrder.Enqueue(span.TraceId);
        }
        if (spans.Count >= maxSpansPerTrace)
        {
            DroppedSpans++;
            return;
        }
        spans.Add(span);
    }

    public IReadOnlyCollection<string> TraceIds => _spansByTrace.Keys;

    public bool TryGetSpans(string traceId, out List<OtlpSpan> spans) => _spansByTrace.TryGetValue(traceId, out spans!);
}
