namespace NextLevel.AppHost.Otlp.Storage;

/// <summary>
/// The traces one resource took part in, in order of first arrival: past the cap, the oldest one's spans from this
/// resource are dropped (other resources keep theirs). [Not ThreadSafe: the repository locks.]
/// </summary>
internal sealed class ResourceTraces(int maxTraces)
{
    private readonly HashSet<string> _traceIds = new(StringComparer.Ordinal);
    private readonly Queue<string> _arrivalOrder = new();

    public int TraceCount => _traceIds.Count;

    public long DroppedSpans { get; set; }

    /// <summary>Records that the resource sent spans of <paramref name="traceId"/>; returns the trace it evicted, if any.</summary>
    public string? Touch(string traceId)
    {
        if (!_traceIds.Add(traceId))
        {
            return null;
        }
        _arrivalOrder.Enqueue(traceId);
        if (_traceIds.Count <= maxTraces)
        {
            return null;
        }
        var evicted = _arrivalOrder.Dequeue();
        _traceIds.Remove(evicted);
        return evicted;
    }
}
