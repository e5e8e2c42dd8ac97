using NextLevel.AppHost.Otlp.Model;

namespace NextLevel.AppHost.Otlp.Storage;

/// <summary>
/// One dimension combination of an instrument: its points over the metrics window. Cumulative histograms become
/// per-export counts and percentiles by subtracting the previous export's buckets. [Not ThreadSafe: the repository locks.]
/// </summary>
internal sealed class MetricSeries(IReadOnlyList<OtlpAttribute> dimensions)
{
    private readonly Queue<OtlpMetricPoint> _points = new();
    private ulong[]? _previousBuckets;
    private double _previousSum;
    private ulong _previousCount;

    public IReadOnlyList<OtlpAttribute> Dimensions { get; } = dimensions;

    public int Count => _points.Count;

    public OtlpMetricPoint? Latest { get; private set; }

    public OtlpMetricPoint[] Points => _points.ToArray();

    public void Add(OtlpMetricPoint point, DateTimeOffset oldestKept, int maxPoints)
    {
        _points.Enqueue(point);
        Latest = point;
        Trim(oldestKept, maxPoints);
    }

    public void Trim(DateTimeOffset oldestKept, int maxPoints)
    {
        while (_points.Count > maxPoints || (_points.Count > 0 && _points.Peek().Timestamp < oldestKept))
        {
            _points.Dequeue();
        }
    }

    /// <summary>A histogram export: the difference from the previous one when cumulative, the export itself when delta.</summary>
    public OtlpMetricPoint HistogramPoint(DateTimeOffset timestamp, ulong count, double sum, IReadOnlyList<ulong> buckets, IReadOnlyList<double> bounds, bool cumulative)
    {
        var counts = buckets.ToArray();
        var deltaCount = count;
        var deltaSum = sum;
        if (cumulative && _previousBuckets is { } previous && previous.Length == counts.Length && count >= _previousCount)
        {
            deltaCount = count - _previousCount;
            deltaSum = sum - _previousSum;
            for (var i = 0; i < counts.Length; i++)
            {
                counts[i] = counts[i] >= previous[i] ? counts[i] - previous[i] : 0;
            }
        }
        if (cumulative)
        {
            _previousBuckets = buckets.ToArray();
            _previousCount = count;
            _previousSum = sum;
        }
        return new OtlpMetricPoint(timestamp, deltaCount, deltaSum,
            Percentile(counts, bounds, 0.50), Percentile(counts, bounds, 0.90), Percentile(counts, bounds, 0.99));
    }

    /// <summary>The upper bound of the bucket holding the quantile (the last finite bound for the overflow bucket).</summary>
    internal static double? Percentile(IReadOnlyList<ulong> counts, IReadOnlyList<double> bounds, double quantile)
    {
        ulong total = 0;
        foreach (var c in counts)
        {
            total += c;
        }
        if (total == 0 || bounds.Count == 0)
        {
            return null;
        }
        var rank = Math.Ceiling(quantile * total);
        ulong seen = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return bounds[Math.Min(i, bounds.Count - 1)];
            }
        }
        return bounds[^1];
    }
}
