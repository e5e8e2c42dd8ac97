namespace NextLevel.Web.Components.Shared;

/// <summary>
/// Calls a component's refresh every interval on the given clock (a fake clock in tests) until disposed; a tick
/// that comes while the previous refresh still runs is skipped, and a failing refresh never stops the timer.
/// The callback runs off the circuit: the component wraps its work in InvokeAsync. [ThreadSafe]
/// </summary>
public sealed class LiveRefresh : IDisposable
{
    private readonly Func<Task> _refresh;
    private readonly ITimer _timer;
    private int _running;
    private int _disposed;

    private LiveRefresh(TimeProvider clock, TimeSpan interval, Func<Task> refresh)
    {
        _refresh = refresh;
        _timer = clock.CreateTimer(_ => _ = TickAsync(), null, interval, interval);
    }

    public static LiveRefresh Start(TimeProvider clock, TimeSpan interval, Func<Task> refresh) => new(clock, interval, refresh);

    private async Task TickAsync()
    {
        if (Volatile.Read(ref _disposed) == 1 || Interlocked.Exchange(ref _running, 1) == 1) return;
        try
        {
            await _refresh();
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away between the tick and the refresh.
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) _timer.Dispose();
    }
}
