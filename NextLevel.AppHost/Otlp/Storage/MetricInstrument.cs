using NextLevel.AppHost.Otlp.Model;

namespace NextLevel.AppHost.Otlp.Storage;

/// <summary>An instrument of one resource (e.g. http.server.request.duration) and its series by dimensions. [Not ThreadSafe]</summary>
internal sealed class MetricInstrument(string name, string description, string unit, string kind, string scope)
{
    public string Name { get; } = name;

    public string Description { get; set; } = description;

    public string Unit { get; } = unit;

    /// <summary>counter, updowncounter, gauge or histogram.</summary>
    public string Kind { get; } = kind;

    public string Scope { get; } = scope;

    public Dictionary<string, MetricSeries> Series { get; } = new(StringComparer.Ordinal);

    public static string DimensionsKey(IReadOnlyList<OtlpAttribute> dimensions) =>
        string.Join('\u001f', dimensions.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}\u001e{d.Value}"));
}
