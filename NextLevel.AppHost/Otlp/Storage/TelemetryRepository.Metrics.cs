using NextLevel.AppHost.Otlp.Model;

namespace NextLevel.AppHost.Otlp.Storage;

public sealed partial class TelemetryRepository
{
    private readonly Lock _metricsLock = new();
    private readonly Dictionary<string, Dictionary<string, MetricInstrument>> _metrics = new(StringComparer.Ordinal);

    /// <summary>
    /// Adds one export's points of an instrument. <paramref name="toPoint"/> runs under the lock with the series, so
    /// a cumulative histogram can subtract its previous export. Instruments and series past their caps are dropped.
    /// </summary>
    internal void AddMetricPoints(
        string resource,
        (string Name, string Description, string Unit, string Kind, string Scope) instrument,
        IReadOnlyList<(IReadOnlyList<OtlpAttribute> Dimensions, Func<MetricSeries, OtlpMetricPoint> ToPoint)> points)
    {
        var oldestKept = time.GetUtcNow() - _limits.MetricsWindow;
        lock (_metricsLock)
        {
            if (!_metrics.TryGetValue(resource, out var instruments))
            {
                _metrics[resource] = instruments = new Dictionary<string, MetricInstrument>(StringComparer.Ordinal);
            }
            var key = $"{instrument.Scope}/{instrument.Name}";
            if (!instruments.TryGetValue(key, out var stored))
            {
                if (instruments.Count >= _limits.MaxInstrumentsPerResource)
                {
                    return;
                }
                instruments[key] = stored = new MetricInstrument(instrument.Name, instrument.Description, instrument.Unit, instrument.Kind, instrument.Scope);
            }
            foreach (var (dimensions, toPoint) in points)
            {
                var seriesKey = MetricInstrument.DimensionsKey(dimensions);
                if (!stored.Series.TryGetValue(seriesKey, out var series))
                {
                    if (stored.Series.Count >= _limits.MaxSeriesPerInstrument)
                    {
                        continue;
                    }
                    stored.Series[seriesKey] = series = new MetricSeries(dimensions);
                }
                series.Add(toPoint(series), oldestKept, _limits.MaxPointsPerSeries);
            }
        }
        NotifyWatchers(TelemetrySignal.Metrics);
    }

    /// <summary>
    /// The instruments of <paramref name="resource"/> (all resources when null) with each series' latest value, and
    /// its points within the window when <paramref name="instrumentName"/> selects them.
    /// </summary>
    public IReadOnlyList<OtlpInstrumentView> GetInstruments(string? resource, string? instrumentName = null)
    {
        var oldestKept = time.GetUtcNow() - _limits.MetricsWindow;
        var result = new List<OtlpInstrumentView>();
        lock (_metricsLock)
        {
            foreach (var (resourceName, instruments) in _metrics)
            {
                if (resource is not null && !string.Equals(resource, resourceName, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                foreach (var instrument in instruments.Values.OrderBy(i => i.Name, StringComparer.Ordinal))
                {
                    if (instrumentName is not null && instrument.Name != instrumentName)
                    {
                        continue;
                    }
                    var series = instrument.Series.Values.Select(s =>
                    {
                        s.Trim(oldestKept, _limits.MaxPointsPerSeries);
                        return new OtlpSeriesView(s.Dimensions, s.Latest, instrumentName is null ? null : s.Points);
                    }).ToArray();
                    result.Add(new OtlpInstrumentView(resourceName, instrument.Name, instrument.Description, instrument.Unit, instrument.Kind, instrument.Scope, series));
                }
            }
        }
        return result;
    }

    /// <summary>Points kept for <paramref name="resource"/> over all its series (what the bounds limit).</summary>
    public int CountMetricPoints(string resource)
    {
        var oldestKept = time.GetUtcNow() - _limits.MetricsWindow;
        lock (_metricsLock)
        {
            if (!_metrics.TryGetValue(resource, out var instruments))
            {
                return 0;
            }
            var count = 0;
            foreach (var series in instruments.Values.SelectMany(i => i.Series.Values))
            {
                series.Trim(oldestKept, _limits.MaxPointsPerSeries);
                count += series.Count;
            }
            return count;
        }
    }
}
