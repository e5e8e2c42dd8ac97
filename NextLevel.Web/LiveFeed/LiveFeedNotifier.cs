using NextLevel.Web.Auth;

namespace NextLevel.Web.LiveFeed;

/// <summary>
/// The live feed of new leads and call outcomes, shared by every open Overview page: one poll of the Api every few
/// seconds while anyone watches (with the token of a watcher whose session is still valid), whatever the number of
/// watchers. Subscribers get the newest events at once and then each batch of new ones; disposing the subscription
/// ends it, and the poll stops with the last one. [Singleton - ThreadSafe]
/// </summary>
public sealed partial class LiveFeedNotifier(ILiveFeedSource source, TimeProvider clock, ILogger<LiveFeedNotifier> logger) : IDisposable
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);
    private const int Capacity = 30;

    private readonly Lock _gate = new();
    private readonly List<Subscription> _subscriptions = [];
    private readonly List<LiveFeedEvent> _recent = [];
    private readonly HashSet<string> _seen = [];
    private ITimer? _timer;
    private int _polling;

    public IReadOnlyList<LiveFeedEvent> Recent
    {
        get { lock (_gate) return [.. _recent]; }
    }

    public IDisposable Subscribe(StaffSession session, Func<IReadOnlyList<LiveFeedEvent>, Task> onEvents)
    {
        var subscription = new Subscription(this, session, onEvents);
        lock (_gate)
        {
            _subscriptions.Add(subscription);
            _timer ??= clock.CreateTimer(_ => _ = PollAsync(), null, TimeSpan.Zero, PollInterval);
        }
        return subscription;
    }

    /// <summary>Reads the Api once and publishes what is new (also what the timer calls).</summary>
    public async Task PollAsync()
    {
        if (Interlocked.Exchange(ref _polling, 1) == 1) return;
        try
        {
            StaffSession? session;
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                session = _subscriptions.Select(s => s.Session).Where(s => !s.IsExpired(now)).MaxBy(s => s.ExpiresAt);
            }
            if (session is null) return;

            IReadOnlyList<LiveFeedEvent> latest;
            try
            {
                latest = await source.ReadLatestAsync(session, CancellationToken.None);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
            {
                LogPollFailed(logger, exception.GetType().Name);
                return;
            }

            List<LiveFeedEvent> fresh;
            Subscription[] targets;
            lock (_gate)
            {
                fresh = [.. latest.Where(e => _seen.Add(e.Kind + ":" + e.Id))];
                if (fresh.Count == 0) return;
                _recent.InsertRange(0, fresh.OrderByDescending(e => e.At));
                if (_recent.Count > Capacity) _recent.RemoveRange(Capacity, _recent.Count - Capacity);
                if (_seen.Count > Capacity * 20) _seen.IntersectWith(_recent.Select(e => e.Kind + ":" + e.Id));
                targets = [.. _subscriptions];
            }
            foreach (var target in targets)
            {
                await target.PublishAsync(fresh);
            }
        }
        finally
        {
            Volatile.Write(ref _polling, 0);
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
            if (_subscriptions.Count == 0)
            {
                _timer?.Dispose();
                _timer = null;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
            _subscriptions.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live feed poll failed ({Error}); the next poll retries.")]
    private static partial void LogPollFailed(ILogger logger, string error);

    private sealed class Subscription(LiveFeedNotifier owner, StaffSession session, Func<IReadOnlyList<LiveFeedEvent>, Task> onEvents) : IDisposable
    {
        private int _disposed;

        public StaffSession Session { get; } = session;

        public async Task PublishAsync(IReadOnlyList<LiveFeedEvent> events)
        {
            if (Volatile.Read(ref _disposed) == 1) return;
            try
            {
                await onEvents(events);
            }
            catch (ObjectDisposedException)
            {
                // The circuit went away between the check and the call.
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Remove(this);
        }
    }
}
