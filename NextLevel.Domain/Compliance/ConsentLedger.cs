using MongoDB.Driver;
using NextLevel.Domain.Compliance.Ledger;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Compliance;

/// <summary>
/// The only way the code touches <c>consent_logs</c>: append an event, read events. There is deliberately no
/// update or delete here, and the collection is not exposed, so the audit trail cannot be changed through the code.
/// Every appended event is linked into its chain (one per phone, Ledger/): sequence, previous hash and its own hash.
/// Concurrent appends to one chain are serialised by the unique index <c>chainKey_1_sequence_1</c>: the loser of a
/// race re-reads the tail and links again.
/// </summary>
public sealed class ConsentLedger(IMongoDatabase database)
{
    /// <summary>How often an append re-reads the tail after losing a race before giving up.</summary>
    public const int MaxAppendAttempts = 100;

    private readonly IMongoCollection<ConsentLog> _logs = database.GetCollection<ConsentLog>(CollectionNames.ConsentLogs);

    public Task<ConsentLog> AppendAsync(ConsentLog entry, CancellationToken cancellationToken = default) =>
        AppendAsync(entry, expectNewChain: false, cancellationToken);

    /// <summary>
    /// Appends an event. <paramref name="expectNewChain"/> (a person seen for the first time) links the first try as
    /// the chain's start without reading the tail — one round trip less on intake's hot path; when the chain exists
    /// after all, the unique index refuses that insert and the append continues as usual (tail read, link, retry).
    /// </summary>
    public async Task<ConsentLog> AppendAsync(ConsentLog entry, bool expectNewChain, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Id != default) throw new ArgumentException("A consent event gets its id when appended.", nameof(entry));
        if (entry.Hash is not null || entry.Sequence is not null) throw new ArgumentException("A consent event is linked into its chain when appended.", nameof(entry));
        var chainKey = ConsentChainKey.For(entry);
        entry.Id = MongoDB.Bson.ObjectId.GenerateNewId();
        for (var attempt = 1; ; attempt++)
        {
            var tail = attempt == 1 && expectNewChain ? null : await ForChainTailAsync(chainKey, cancellationToken);
            ConsentChainLink.Link(entry, tail);
            try
            {
                await _logs.InsertOneAsync(entry, cancellationToken: cancellationToken);
                return entry;
            }
            catch (MongoWriteException ex) when (ex.WriteError.Category == ServerErrorCategory.DuplicateKey)
            {
                // The server's duplicate-key message quotes the chain key (a phone): it is not passed on.
                if (attempt >= MaxAppendAttempts)
                    throw new InvalidOperationException($"consent_logs: event {entry.Id} lost {MaxAppendAttempts} races for the end of its chain; nothing was written.");
                // Another append took this sequence first: back off a little (more after each loss) and re-read the tail.
                await Task.Delay(Random.Shared.Next(0, Math.Min(attempt, 20) + 1), cancellationToken);
            }
        }
    }

    /// <summary>Events of one lead, newest first (index leadId_1_timestamp_-1).</summary>
    public async Task<IReadOnlyList<ConsentLog>> ForLeadAsync(MongoDB.Bson.ObjectId leadId, CancellationToken cancellationToken = default) =>
        await _logs.Find(l => l.LeadId == leadId).SortByDescending(l => l.Timestamp).ToListAsync(cancellationToken);

    /// <summary>Events of several leads in one read (index leadId_1_timestamp_-1), newest first.</summary>
    public async Task<IReadOnlyList<ConsentLog>> ForLeadsAsync(IReadOnlyCollection<MongoDB.Bson.ObjectId> leadIds, CancellationToken cancellationToken = default) =>
        leadIds.Count == 0 ? [] : await _logs.Find(Builders<ConsentLog>.Filter.In(l => l.LeadId, leadIds.Select(id => (MongoDB.Bson.ObjectId?)id)))
            .SortByDescending(l => l.Timestamp).ToListAsync(cancellationToken);

    /// <summary>Events of several phone numbers in one read (index phone_1_timestamp_-1), newest first.</summary>
    public async Task<IReadOnlyList<ConsentLog>> ForPhonesAsync(IReadOnlyCollection<string> phones, CancellationToken cancellationToken = default) =>
        phones.Count == 0 ? [] : await _logs.Find(Builders<ConsentLog>.Filter.In(l => l.Phone, phones))
            .SortByDescending(l => l.Timestamp).ToListAsync(cancellationToken);

    /// <summary>Events of one phone number, newest first (index phone_1_timestamp_-1).</summary>
    public async Task<IReadOnlyList<ConsentLog>> ForPhoneAsync(string phone, CancellationToken cancellationToken = default) =>
        await _logs.Find(l => l.Phone == phone).SortByDescending(l => l.Timestamp).ToListAsync(cancellationToken);

    /// <summary>The events of one chain in chain order (index chainKey_1_sequence_1).</summary>
    public async Task<IReadOnlyList<ConsentLog>> ForChainAsync(string chainKey, CancellationToken cancellationToken = default) =>
        await _logs.Find(l => l.ChainKey == chainKey).SortBy(l => l.Sequence).ToListAsync(cancellationToken);

    /// <summary>The last entry of a chain, or null when the chain is empty.</summary>
    public async Task<ConsentChainHead?> ForChainTailAsync(string chainKey, CancellationToken cancellationToken = default)
    {
        var last = await _logs.Find(l => l.ChainKey == chainKey).SortByDescending(l => l.Sequence).Limit(1).FirstOrDefaultAsync(cancellationToken);
        return last is { Sequence: { } sequence, Hash: { } hash } ? new ConsentChainHead(chainKey, sequence, hash) : null;
    }
}
