using NextLevel.AppHost.Otlp.Model;

namespace NextLevel.AppHost.Dashboard.Api;

/// <summary>A trace in the list: its root span, where it went, how long it took and whether anything failed.</summary>
public sealed record TraceSummaryView(
    string TraceId,
    string RootName,
    string RootResource,
    IReadOnlyList<string> Resources,
    int SpanCount,
    int ErrorCount,
    DateTimeOffset Start,
    double DurationMs)
{
    public static TraceSummaryView From(OtlpTrace trace)
    {
        var root = trace.Root;
        return new TraceSummaryView(trace.TraceId, root.Name, root.Resource, trace.Resources, trace.Spans.Count, trace.ErrorCount, trace.Start, trace.DurationMs);
    }
}

/// <summary>A whole trace for the waterfall: spans with their parents, ordered by start.</summary>
public sealed record TraceView(string TraceId, DateTimeOffset Start, double DurationMs, IReadOnlyList<SpanView> Spans)
{
    public static TraceView From(OtlpTrace trace) =>
        new(trace.TraceId, trace.Start, trace.DurationMs, trace.Spans.Select(SpanView.From).ToArray());
}

public sealed record SpanView(
    string SpanId,
    string? ParentSpanId,
    string Resource,
    string Scope,
    string Name,
    string Kind,
    DateTimeOffset Start,
    double DurationMs,
    IReadOnlyList<OtlpAttribute> Attributes,
    IReadOnlyList<OtlpSpanEvent> Events,
    string Status,
    string? StatusMessage)
{
    public static SpanView From(OtlpSpan span) =>
        new(span.SpanId, span.ParentSpanId, span.Resource, span.Scope, span.Name, span.Kind, span.Start, span.DurationMs,
            span.Attributes, span.Events, span.Status, span.StatusMessage);
}

/// <summary>An instrument of a resource with the latest value of each series (and its points when asked).</summary>
public sealed record MetricView(
    string Resource,
    string Name,
    string Description,
    string Unit,
    string Kind,
    string Scope,
    IReadOnlyList<OtlpSeriesView> Series)
{
    public static MetricView From(OtlpInstrumentView instrument) =>
        new(instrument.Resource, instrument.Name, instrument.Description, instrument.Unit, instrument.Kind, instrument.Scope, instrument.Series);
}

/// <summary>A page of items and how many matched in all.</summary>
public sealed record PageView<T>(IReadOnlyList<T> Items, int TotalCount);
