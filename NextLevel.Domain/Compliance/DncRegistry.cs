using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Compliance;

/// <summary>
/// The internal Do-Not-Call list: add and remove by phone number. Entries are never deleted (kept ≥ 5 years,
/// 64.1200(d)(6)); removal ends them (<c>expiresAt</c>). Each change is logged in consent_logs and mirrored in
/// <c>leads.dncStatus.internalDNC</c> of every lead with that number.
/// </summary>
public sealed class DncRegistry(IMongoDatabase database, TimeProvider time)
{
    private readonly IMongoCollection<DncEntry> _entries = database.GetCollection<DncEntry>(CollectionNames.DncRegistry);
    private readonly IMongoCollection<Lead> _leads = database.GetCollection<Lead>(CollectionNames.Leads);
    private readonly ConsentLedger _ledger = new(database);

    /// <summary>Puts the number on the internal list (again, if it was removed). Returns the entry as stored.</summary>
    public async Task<DncEntry> AddInternalAsync(string phone, string reason, string addedBy, ObjectId? leadId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await _ledger.AppendAsync(new ConsentLog
        {
            LeadId = leadId, Phone = phone, EventType = ConsentEventType.DncAdded, Timestamp = now, RecordedBy = addedBy,
            Origin = "internal_dnc", Evidence = reason,
        }, cancellationToken);
        var entry = await _entries.FindOneAndUpdateAsync(
            e => e.Phone == phone && e.Source == DncSource.Internal,
            Builders<DncEntry>.Update
                .Set(e => e.ExpiresAt, null)
                .Set(e => e.AddedAt, now)
                .Set(e => e.Reason, reason)
                .Set(e => e.AddedBy, addedBy)
                .Set(e => e.LeadId, leadId),
            new FindOneAndUpdateOptions<DncEntry> { IsUpsert = true, ReturnDocument = ReturnDocument.After },
            cancellationToken);
        await MarkLeadsAsync(phone, onList: true, addedBy, now, cancellationToken);
        return entry;
    }

    /// <summary>Ends the number's internal entry (kept as evidence). False when the number is not on the list.</summary>
    public async Task<bool> RemoveInternalAsync(string phone, string reason, string removedBy, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var inForce = await _entries.Find(e => e.Phone == phone && e.Source == DncSource.Internal && (e.ExpiresAt == null || e.ExpiresAt > now))
            .FirstOrDefaultAsync(cancellationToken);
        if (inForce is null) return false;
        await _ledger.AppendAsync(new ConsentLog
        {
            LeadId = inForce.LeadId, Phone = phone, EventType = ConsentEventType.DncRemoved, Timestamp = now, RecordedBy = removedBy,
            Origin = "internal_dnc", Evidence = reason,
        }, cancellationToken);
        await _entries.UpdateOneAsync(e => e.Id == inForce.Id, Builders<DncEntry>.Update.Set(e => e.ExpiresAt, now), cancellationToken: cancellationToken);
        await MarkLeadsAsync(phone, onList: false, removedBy, now, cancellationToken);
        return true;
    }

    /// <summary>Every entry of a number, on every list, in force or ended.</summary>
    public async Task<IReadOnlyList<DncEntry>> ForPhoneAsync(string phone, CancellationToken cancellationToken) =>
        await _entries.Find(e => e.Phone == phone).ToListAsync(cancellationToken);

    private Task MarkLeadsAsync(string phone, bool onList, string by, DateTime now, CancellationToken cancellationToken) =>
        _leads.UpdateManyAsync(
            l => l.Contact.Phone == phone,
            Builders<Lead>.Update
                .Set(l => l.DncStatus.InternalDNC, onList)
                .Set(l => l.DncStatus.LastCheckedAt, now)
                .Set(l => l.DncStatus.CheckedBy, by)
                .Set(l => l.UpdatedAt, now)
                .Set(l => l.UpdatedBy, by),
            cancellationToken: cancellationToken);
}
