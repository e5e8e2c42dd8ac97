namespace NextLevel.AppHost.Otlp.Model;

/// <summary>An instrument with its series as read by the pages and the JSON API. [Immutable copy]</summary>
public sealed record OtlpInstrumentView(
    string Resource,
    string Name,
    string Description,
    string Unit,
    string Kind,
    string Scope,
    IReadOnlyList<OtlpSeriesView> Series);

public sealed record OtlpSeriesView(IReadOnlyList<OtlpAttribute> Dimensions, OtlpMetricPoint? Latest, IReadOnlyList<OtlpMetricPoint>? Points);
