namespace NextLevel.AppHost.Otlp.Storage;

public sealed partial class TelemetryRepository
{
    private readonly Lock _watchersLock = new();
    private readonly List<Subscription> _subscriptions = [];

    /// <summary>
    /// Calls <paramref name="callback"/> after new telemetry of <paramref name="signal"/> arrives, at most once per
    /// <see cref="Subscription.MinimumInterval"/> however fast it arrives. Dispose to stop.
    /// </summary>
    public Subscription Subscribe(TelemetrySignal signal, Action callback)
    {
        var subscription = new Subscription(signal, callback, time, Unsubscribe);
        lock (_watchersLock)
        {
            _subscriptions.Add(subscription);
        }
        return subscription;
    }

    private void Unsubscribe(Subscription subscription)
    {
        lock (_watchersLock)
        {
            _subscriptions.Remove(subscription);
        }
    }

    private void NotifyWatchers(TelemetrySignal signal)
    {
        Subscription[] subscriptions;
        lock (_watchersLock)
        {
            if (_subscriptions.Count == 0)
            {
                return;
            }
            subscriptions = _subscriptions.ToArray();
        }
        foreach (var subscription in subscriptions)
        {
            if ((subscription.Signal & signal) != 0)
            {
                subscription.Notify();
            }
        }
    }
}

[Flags]
public enum TelemetrySignal
{
    Logs = 1,
    Traces = 2,
    Metrics = 4,
    All = Logs | Traces | Metrics,
}
