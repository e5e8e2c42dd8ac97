using System.Collections.Concurrent;

namespace NextLevel.Worker.Simulator;

/// <summary>One step handed to the simulator.</summary>
public sealed record Handoff(string ProviderKey, string LeadId, DateTimeOffset At);

/// <summary>
/// When each step reached the simulator (the moment a real provider would have it). Keeps the latest
/// <see cref="Capacity"/> hand-offs. [Singleton - ThreadSafe]
/// </summary>
public sealed class HandoffLog
{
    public const int Capacity = 100_000;

    private readonly ConcurrentDictionary<string, Handoff> _byKey = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>Records a hand-off; false when this key was handed over before (not recorded again).</summary>
    public bool Record(string key, string leadId, DateTimeOffset at)
    {
        if (!_byKey.TryAdd(key, new Handoff(key, leadId, at))) return false;
        _order.Enqueue(key);
        while (_order.Count > Capacity && _order.TryDequeue(out var oldest)) _byKey.TryRemove(oldest, out _);
        return true;
    }

    public IReadOnlyList<Handoff> Snapshot() => [.. _byKey.Values.OrderBy(h => h.At)];
}
