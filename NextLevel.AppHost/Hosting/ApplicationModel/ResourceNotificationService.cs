using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace NextLevel.AppHost.Hosting.ApplicationModel;

/// <summary>
/// The one source of resource state: runners publish snapshots, the ops page and waiting resources watch them.
/// [Singleton - ThreadSafe] Publishing is serialized by one lock, so watchers see each resource's snapshots in order.
/// </summary>
public sealed class ResourceNotificationService
{
    private readonly Lock _gate = new();
    private ImmutableDictionary<string, ResourceSnapshot> _snapshots = ImmutableDictionary<string, ResourceSnapshot>.Empty;
    private ImmutableArray<string> _order = [];
    private ImmutableList<Channel<ResourceSnapshot>> _watchers = [];

    /// <summary>Registers a resource with its first snapshot; the order of registration is the order of the ops page.</summary>
    public void Register(ResourceSnapshot initial)
    {
        lock (_gate)
        {
            _snapshots = _snapshots.Add(initial.Name, initial);
            _order = _order.Add(initial.Name);
        }
    }

    /// <summary>Replaces the snapshot of <paramref name="resource"/> by <paramref name="update"/>(current) and tells every watcher.</summary>
    public ResourceSnapshot PublishUpdate(IResource resource, Func<ResourceSnapshot, ResourceSnapshot> update)
    {
        lock (_gate)
        {
            var next = update(_snapshots[resource.Name]);
            _snapshots = _snapshots.SetItem(resource.Name, next);
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryWrite(next);
            }
            return next;
        }
    }

    public ResourceSnapshot GetSnapshot(string name) => _snapshots[name];

    public bool TryGetSnapshot(string name, out ResourceSnapshot? snapshot) => _snapshots.TryGetValue(name, out snapshot);

    /// <summary>Every resource's current snapshot, in declaration order.</summary>
    public IReadOnlyList<ResourceSnapshot> GetSnapshots()
    {
        var (snapshots, order) = (_snapshots, _order);
        return [.. order.Select(name => snapshots[name])];
    }

    /// <summary>The current snapshot of every resource, then each update as it is published.</summary>
    public async IAsyncEnumerable<ResourceSnapshot> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<ResourceSnapshot>(new UnboundedChannelOptions { SingleReader = true });
        IReadOnlyList<ResourceSnapshot> initial;
        lock (_gate)
        {
            initial = GetSnapshots();
            _watchers = _watchers.Add(channel);
        }

        try
        {
            foreach (var snapshot in initial)
            {
                yield return snapshot;
            }
            await foreach (var snapshot in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return snapshot;
            }
        }
        finally
        {
            lock (_gate)
            {
                _watchers = _watchers.Remove(channel);
            }
        }
    }

    /// <summary>Completes with the first snapshot of <paramref name="name"/> that satisfies <paramref name="predicate"/>.</summary>
    public async Task<ResourceSnapshot> WaitForResourceAsync(string name, Func<ResourceSnapshot, bool> predicate, CancellationToken cancellationToken)
    {
        await foreach (var snapshot in WatchAsync(cancellationToken))
        {
            if (snapshot.Name == name && predicate(snapshot))
            {
                return snapshot;
            }
        }
        throw new OperationCanceledException(cancellationToken);
    }

    public Task<ResourceSnapshot> WaitForResourceHealthyAsync(string name, CancellationToken cancellationToken) =>
        WaitForResourceAsync(name, snapshot => snapshot.Health == HealthStates.Healthy, cancellationToken);
}
