using Microsoft.Extensions.Options;
using MongoDB.Driver;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Intake.Pipeline;

/// <summary>
/// The active campaigns, read from <c>campaigns</c> at most once per <see cref="IntakeOptions.CampaignCacheSeconds"/>
/// so that intake does not query the catalogue for every lead. [Singleton - thread-safe: the cached task is
/// swapped atomically; concurrent callers during a refresh share one read.]
/// </summary>
internal sealed class ActiveCampaigns(IMongoDatabase database, IOptions<IntakeOptions> options, TimeProvider time)
{
    private readonly IMongoCollection<Campaign> _campaigns = database.GetCollection<Campaign>(CollectionNames.Campaigns);
    private readonly long _ttlTicks = (long)(options.Value.CampaignCacheSeconds * time.TimestampFrequency);
    private Snapshot? _snapshot;

    public Task<List<Campaign>> GetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetTimestamp();
        var current = Volatile.Read(ref _snapshot);
        if (current is not null && now - current.ReadAt < _ttlTicks && !current.Campaigns.IsFaulted && !current.Campaigns.IsCanceled) return current.Campaigns.WaitAsync(cancellationToken);

        var fresh = new Snapshot(now, _campaigns.Find(c => c.Status == CampaignStatus.Active).ToListAsync(CancellationToken.None));
        if (_ttlTicks <= 0) return fresh.Campaigns.WaitAsync(cancellationToken);
        var winner = Interlocked.CompareExchange(ref _snapshot, fresh, current);
        return (winner == current ? fresh.Campaigns : winner!.Campaigns).WaitAsync(cancellationToken);
    }

    private sealed record Snapshot(long ReadAt, Task<List<Campaign>> Campaigns);
}
