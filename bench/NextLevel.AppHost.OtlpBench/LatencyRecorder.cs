namespace NextLevel.AppHost.OtlpBench;

/// <summary>Export latencies and item counts of one signal over a phase. [ThreadSafe]</summary>
internal sealed class LatencyRecorder(string name)
{
    private readonly List<double> _milliseconds = [];
    private readonly Lock _lock = new();
    private long _items;
    private long _failures;

    public string Name { get; } = name;

    public long Items => Interlocked.Read(ref _items);

    public long Failures => Interlocked.Read(ref _failures);

    public void Record(TimeSpan latency, int items)
    {
        Interlocked.Add(ref _items, items);
        lock (_lock)
        {
            _milliseconds.Add(latency.TotalMilliseconds);
        }
    }

    public void Fail() => Interlocked.Increment(ref _failures);

    public (double P50, double P99, double Max, int Exports) Percentiles()
    {
        double[] sorted;
        lock (_lock)
        {
            sorted = [.. _milliseconds];
        }
        Array.Sort(sorted);
        if (sorted.Length == 0)
        {
            return (0, 0, 0, 0);
        }
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return (At(0.50), At(0.99), sorted[^1], sorted.Length);
    }
}
