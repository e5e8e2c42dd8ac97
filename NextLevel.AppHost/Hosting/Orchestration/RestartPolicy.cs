namespace NextLevel.AppHost.Hosting.Orchestration;

/// <summary>
/// When to restart a resource that exited on its own: after 1 s, then 2 s, 4 s... up to 30 s, so that a service
/// that cannot start does not spin. A process that ran for <see cref="StableAfter"/> counts as recovered, and the
/// next crash waits 1 s again. [Not ThreadSafe: one per runner]
/// </summary>
internal sealed class RestartPolicy
{
    public static readonly TimeSpan InitialDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaximumDelay = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan StableAfter = TimeSpan.FromSeconds(60);

    private int _consecutiveCrashes;

    public TimeSpan NextDelay(TimeSpan uptime)
    {
        if (uptime >= StableAfter)
        {
            _consecutiveCrashes = 0;
        }
        var delay = InitialDelay * Math.Pow(2, Math.Min(_consecutiveCrashes, 16));
        _consecutiveCrashes++;
        return delay < MaximumDelay ? delay : MaximumDelay;
    }
}
