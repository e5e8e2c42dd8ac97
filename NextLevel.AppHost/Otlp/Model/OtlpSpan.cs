namespace NextLevel.AppHost.Otlp.Model;

/// <summary>A span as stored. Times are UTC; ids are lower-case hex. [Immutable]</summary>
public sealed record OtlpSpan(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Resource,
    string Scope,
    string Name,
    string Kind,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<OtlpAttribute> Attributes,
    IReadOnlyList<OtlpSpanEvent> Events,
    string Status,
    string? StatusMessage)
{
    public double DurationMs => (End - Start).TotalMilliseconds;

    public bool IsError => Status == "Error";
}

public sealed record OtlpSpanEvent(string Name, DateTimeOffset Timestamp, IReadOnlyList<OtlpAttribute> Attributes);
