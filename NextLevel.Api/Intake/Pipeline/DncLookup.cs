using MongoDB.Driver;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Intake.Pipeline;

/// <summary>
/// The DNC status intake stamps on a lead: which in-force lists (national, state, internal, litigator) hold its
/// phone or alternate phone, in one indexed $in read. The compliance gate re-checks at every contact; this is the
/// status staff see and the campaign matcher reads.
/// </summary>
internal sealed class DncLookup(IMongoDatabase database)
{
    private readonly IMongoCollection<DncEntry> _dnc = database.GetCollection<DncEntry>(CollectionNames.DncRegistry);

    public async Task<DncStatus> CheckAsync(LeadContact person, DateTime now, CancellationToken cancellationToken)
    {
        var phones = new[] { person.Phone, person.AlternatePhone }.OfType<string>().ToArray();
        var status = new DncStatus { LastCheckedAt = now, CheckedBy = "intake" };
        if (phones.Length == 0) return status;
        var entries = await _dnc.Find(Builders<DncEntry>.Filter.In(d => d.Phone, phones)).ToListAsync(cancellationToken);
        var inForce = entries.Where(e => e.ExpiresAt is null || e.ExpiresAt > now).ToList();
        status.OnNationalRegistry = inForce.Any(e => e.Source is DncSource.National or DncSource.State);
        status.InternalDNC = inForce.Any(e => e.Source is DncSource.Internal or DncSource.Litigator);
        var lists = inForce.Select(e => e.Source == DncSource.State && e.State is not null ? $"state:{e.State}" : StoredEnum.Name(e.Source)).Distinct().ToList();
        if (lists.Count > 0) status.Notes = "lists: " + string.Join(", ", lists);
        return status;
    }
}
