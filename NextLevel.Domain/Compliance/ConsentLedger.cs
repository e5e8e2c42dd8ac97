using MongoDB.Driver;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Compliance;

/// <summary>
/// The only way the code touches <c>consent_logs</c>: append an event, read events. There is deliberately no
/// update or delete here, and the collection is not exposed, so the audit trail cannot be changed through the code.
/// </summary>
public sealed class ConsentLedger(IMongoDatabase database)
{
    private readonly IMongoCollection<ConsentLog> _logs = database.GetCollection<ConsentLog>(CollectionNames.ConsentLogs);

    public async Task<ConsentLog> AppendAsync(ConsentLog entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Id != default) throw new ArgumentException("A consent event gets its id when appended.", nameof(entry));
        entry.Id = MongoDB.Bson.ObjectId.GenerateNewId();
        await _logs.InsertOneAsync(entry, cancellationToken: cancellationToken);
        return entry;
    }

    /// <summary>Events of one lead, newest first (index leadId_1_timestamp_-1).</summary>
    public async Task<IReadOnlyList<ConsentLog>> ForLeadAsync(MongoDB.Bson.ObjectId leadId, CancellationToken cancellationToken = default) =>
        await _logs.Find(l => l.LeadId == leadId).SortByDescending(l => l.Timestamp).ToListAsync(cancellationToken);

    /// <summary>Events of one phone number, newest first (index phone_1_timestamp_-1).</summary>
    public async Task<IReadOnlyList<ConsentLog>> ForPhoneAsync(string phone, CancellationToken cancellationToken = default) =>
        await _logs.Find(l => l.Phone == phone).SortByDescending(l => l.Timestamp).ToListAsync(cancellationToken);
}
