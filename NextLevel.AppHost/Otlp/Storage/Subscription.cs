namespace NextLevel.AppHost.Otlp.Storage;

/// <summary>
/// A live view's interest in new telemetry. Notifications that come faster than <see cref="MinimumInterval"/> are
/// merged into one call at the end of the interval, so a burst of exports costs the page one refresh.
/// [ThreadSafe]
/// </summary>
public sealed class Subscription : IDisposable
{
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMilliseconds(100);

    private readonly Action _callback;
    private readonly TimeProvider _time;
    private readonly Action<Subscription> _unsubscribe;
    private readonly Lock _lock = new();
    private DateTimeOffset _lastCall = DateTimeOffset.MinValue;
    private bool _scheduled;
    private bool _disposed;

    internal Subscription(TelemetrySignal signal, Action callback, TimeProvider time, Action<Subscription> unsubscribe)
    {
        Signal = signal;
        _callback = callback;
        _time = time;
        _unsubscribe = unsubscribe;
    }

    public TelemetrySignal Signal { get; }

    internal void Notify()
    {
        TimeSpan delay;
        lock (_lock)
        {
            if (_scheduled || _disposed)
            {
                return;
            }
            _scheduled = true;
            var wait = _lastCall + MinimumInterval - _time.GetUtcNow();
            delay = wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        _ = RunAsync(delay);
    }

    private async Task RunAsync(TimeSpan delay)
    {
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _time);
        }
        else
        {
            await Task.Yield();
        }
        lock (_lock)
        {
            _scheduled = false;
            if (_disposed)
            {
                return;
            }
            _lastCall = _time.GetUtcNow();
        }
        _callback();
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
        }
        _unsubscribe(this);
    }
}
