using Microsoft.Extensions.Options;

namespace NextLevel.AppHost.Otlp.Storage;

/// <summary>
/// The telemetry the AppHost received, in memory and bounded per resource by <see cref="TelemetryLimitOptions"/>.
/// Split by signal: <c>.Logs.cs</c>, <c>.Traces.cs</c>, <c>.Metrics.cs</c>, and <c>.Watchers.cs</c> for live views.
/// [Singleton - ThreadSafe: one lock per signal; readers get copies.]
/// </summary>
public sealed partial class TelemetryRepository(IOptions<TelemetryLimitOptions> options, TimeProvider time)
{
    private readonly TelemetryLimitOptions _limits = options.Value;

    public TelemetryLimitOptions Limits => _limits;

    /// <summary>Every resource that sent anything, in name order.</summary>
    public IReadOnlyList<string> GetResourceNames()
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        lock (_logsLock)
        {
            names.UnionWith(_logs.Keys);
        }
        lock (_tracesLock)
        {
            names.UnionWith(_traces.Keys);
        }
        lock (_metricsLock)
        {
            names.UnionWith(_metrics.Keys);
        }
        return names.ToArray();
    }
}
