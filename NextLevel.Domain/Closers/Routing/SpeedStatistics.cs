namespace NextLevel.Domain.Closers.Routing;

/// <summary>Median and 90th percentile of durations in seconds (linear interpolation between closest ranks), with the count.</summary>
public sealed record SpeedStatistics(double? MedianSeconds, double? P90Seconds, int Count)
{
    public static SpeedStatistics Of(IEnumerable<double> seconds)
    {
        var sorted = seconds.Order().ToArray();
        return sorted.Length == 0 ? new SpeedStatistics(null, null, 0) : new SpeedStatistics(Percentile(sorted, 0.5), Percentile(sorted, 0.9), sorted.Length);
    }

    /// <summary>The p-quantile of ascending values: rank p·(n−1), interpolated between its neighbours.</summary>
    public static double Percentile(IReadOnlyList<double> ascending, double p)
    {
        ArgumentNullException.ThrowIfNull(ascending);
        if (ascending.Count == 0) throw new ArgumentException("No values.", nameof(ascending));
        var rank = p * (ascending.Count - 1);
        var lower = (int)Math.Floor(rank);
        var upper = (int)Math.Ceiling(rank);
        return Math.Round(ascending[lower] + (ascending[upper] - ascending[lower]) * (rank - lower), 3);
    }
}
