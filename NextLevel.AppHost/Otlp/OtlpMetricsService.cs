using NextLevel.AppHost.Otlp.Model;
using NextLevel.AppHost.Otlp.Proto.Collector.Metrics;
using NextLevel.AppHost.Otlp.Proto.Metrics;
using NextLevel.AppHost.Otlp.Storage;

namespace NextLevel.AppHost.Otlp;

/// <summary>Stores an OTLP metrics export (gauges, sums, histograms), whichever transport brought it. [Singleton - ThreadSafe]</summary>
public sealed class OtlpMetricsService(TelemetryRepository repository)
{
    private static readonly ExportMetricsServiceResponse Accepted = new();

    internal ExportMetricsServiceResponse Export(ExportMetricsServiceRequest request)
    {
        var maxLength = repository.Limits.MaxAttributeLength;
        foreach (var resourceMetrics in request.ResourceMetrics)
        {
            var resource = OtlpConverter.ResourceName(resourceMetrics.Resource);
            foreach (var scopeMetrics in resourceMetrics.ScopeMetrics)
            {
                var scope = scopeMetrics.Scope?.Name ?? string.Empty;
                foreach (var metric in scopeMetrics.Metrics)
                {
                    switch (metric.DataCase)
                    {
                        case Metric.DataOneofCase.Gauge:
                            AddNumbers(resource, scope, metric, "gauge", metric.Gauge.DataPoints, maxLength);
                            break;
                        case Metric.DataOneofCase.Sum:
                            AddNumbers(resource, scope, metric, metric.Sum.IsMonotonic ? "counter" : "updowncounter", metric.Sum.DataPoints, maxLength);
                            break;
                        case Metric.DataOneofCase.Histogram:
                            AddHistograms(resource, scope, metric, maxLength);
                            break;
                    }
                }
            }
        }
        return Accepted;
    }

    private void AddNumbers(string resource, string scope, Metric metric, string kind, IEnumerable<NumberDataPoint> dataPoints, int maxLength)
    {
        var points = dataPoints.Select(p =>
        {
            var value = p.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? p.AsInt : p.AsDouble;
            var point = new OtlpMetricPoint(OtlpConverter.ToTime(p.TimeUnixNano), value);
            return ((IReadOnlyList<OtlpAttribute>)OtlpConverter.ToAttributes(p.Attributes, maxLength), (Func<MetricSeries, OtlpMetricPoint>)(_ => point));
        }).ToArray();
        repository.AddMetricPoints(resource, (metric.Name, metric.Description, metric.Unit, kind, scope), points);
    }

    private void AddHistograms(string resource, string scope, Metric metric, int maxLength)
    {
        var cumulative = metric.Histogram.AggregationTemporality == AggregationTemporality.Cumulative;
        var points = metric.Histogram.DataPoints.Select(p =>
            ((IReadOnlyList<OtlpAttribute>)OtlpConverter.ToAttributes(p.Attributes, maxLength),
             (Func<MetricSeries, OtlpMetricPoint>)(series => series.HistogramPoint(
                 OtlpConverter.ToTime(p.TimeUnixNano), p.Count, p.HasSum ? p.Sum : 0, p.BucketCounts, p.ExplicitBounds, cumulative))))
            .ToArray();
        repository.AddMetricPoints(resource, (metric.Name, metric.Description, metric.Unit, "histogram", scope), points);
    }
}
