namespace NextLevel.AppHost.Otlp.Model;

/// <summary>
/// One exported value of a series. For a counter or gauge, <see cref="Value"/> is the value; for a histogram it is
/// the number of measurements since the previous export, with their sum and estimated percentiles (from the buckets).
/// </summary>
public sealed record OtlpMetricPoint(DateTimeOffset Timestamp, double Value, double? Sum = null, double? P50 = null, double? P90 = null, double? P99 = null);
