namespace NextLevel.AppHost.Otlp;

/// <summary>
/// How much telemetry the AppHost keeps in memory, per resource (configuration section <c>Telemetry</c>). The
/// defaults are the Aspire dashboard's; past a limit the oldest item is dropped, so memory never grows unbounded.
/// </summary>
public sealed class TelemetryLimitOptions
{
    public const string SectionName = "Telemetry";

    public int MaxLogsPerResource { get; set; } = 10_000;

    public int MaxTracesPerResource { get; set; } = 10_000;

    /// <summary>A trace's spans from one resource past this are dropped (a runaway loop cannot fill memory).</summary>
    public int MaxSpansPerTrace { get; set; } = 5_000;

    /// <summary>Metric points older than this are dropped.</summary>
    public TimeSpan MetricsWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Points kept per series whatever their age (an hour of one-second exports).</summary>
    public int MaxPointsPerSeries { get; set; } = 3_600;

    public int MaxInstrumentsPerResource { get; set; } = 500;

    /// <summary>Dimension combinations kept per instrument; new ones past this are dropped.</summary>
    public int MaxSeriesPerInstrument { get; set; } = 200;

    /// <summary>Attribute values longer than this are cut (a request body logged by mistake stays small).</summary>
    public int MaxAttributeLength { get; set; } = 4_096;
}
