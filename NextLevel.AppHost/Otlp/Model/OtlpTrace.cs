namespace NextLevel.AppHost.Otlp.Model;

/// <summary>A trace assembled from the spans of every resource it touched, ordered by start. [Immutable]</summary>
public sealed record OtlpTrace(string TraceId, IReadOnlyList<OtlpSpan> Spans)
{
    /// <summary>The span without a parent among the kept ones (the earliest when several are, e.g. a parent not exported yet).</summary>
    public OtlpSpan Root => Spans.FirstOrDefault(s => s.ParentSpanId is null || Spans.All(p => p.SpanId != s.ParentSpanId)) ?? Spans[0];

    public DateTimeOffset Start => Spans.Min(s => s.Start);

    public double DurationMs => (Spans.Max(s => s.End) - Start).TotalMilliseconds;

    public IReadOnlyList<string> Resources => Spans.Select(s => s.Resource).Distinct(StringComparer.Ordinal).ToArray();

    public int ErrorCount => Spans.Count(s => s.IsError);
}
