using System.Diagnostics;

namespace NextLevel.EmbeddedMongo.Bench;

/// <summary>Collects per-operation latencies (thread-safe per instance via one lock per Add batch) and reports percentiles.</summary>
public sealed class LatencyRecorder
{
    private readonly List<long> _ticks = new(1 << 16);
    private readonly Lock _gate = new();

    public void AddRange(List<long> ticks)
    {
        lock (_gate) _ticks.AddRange(ticks);
    }

    public int Count
    {
        get { lock (_gate) return _ticks.Count; }
    }

    public double PercentileMicroseconds(double percentile)
    {
        lock (_gate)
        {
            if (_ticks.Count == 0) return double.NaN;
            _ticks.Sort();
            var index = (int)Math.Clamp(Math.Ceiling(percentile / 100.0 * _ticks.Count) - 1, 0, _ticks.Count - 1);
            return _ticks[index] * 1_000_000.0 / Stopwatch.Frequency;
        }
    }
}
