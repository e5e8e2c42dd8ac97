using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Compliance.Ledger;

/// <summary>
/// Recomputes the consent ledger from the stored documents (read as raw BSON, so every stored field counts): each
/// entry's hash, the sequence continuity and links of each chain, and the daily anchors. Reads only. The whole
/// ledger is streamed chain by chain in chainKey_1_sequence_1 order, one chain in memory at a time.
/// </summary>
public sealed class ConsentLedgerVerifier(IMongoDatabase database, TimeProvider time)
{
    private readonly IMongoCollection<BsonDocument> _logs = database.GetCollection<BsonDocument>(CollectionNames.ConsentLogs);

    /// <summary>Verifies every chain.</summary>
    public async Task<LedgerVerification> VerifyAllAsync(CancellationToken cancellationToken = default)
    {
        var audit = new LedgerAudit(await new ConsentLedgerAnchors(database, time).ReadAllAsync(cancellationToken));
        var builder = Builders<BsonDocument>.Filter;
        using (var unchained = await _logs.Find(builder.Not(builder.Exists("chainKey"))).ToCursorAsync(cancellationToken))
        {
            while (await unchained.MoveNextAsync(cancellationToken))
                foreach (var entry in unchained.Current) audit.AddUnchained(entry);
        }

        var sort = Builders<BsonDocument>.Sort.Ascending("chainKey").Ascending("sequence");
        using var cursor = await _logs.Find(builder.Exists("chainKey")).Sort(sort).ToCursorAsync(cancellationToken);
        string? chainKey = null;
        var chain = new List<BsonDocument>();
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var entry in cursor.Current)
            {
                if (entry["chainKey"] is not BsonString key)
                {
                    audit.AddUnchained(entry);
                    continue;
                }
                if (chainKey is not null && key.Value != chainKey)
                {
                    audit.AddChain(chainKey, chain);
                    chain = [];
                }
                chainKey = key.Value;
                chain.Add(entry);
            }
        }
        if (chainKey is not null) audit.AddChain(chainKey, chain);
        return audit.Result();
    }

    /// <summary>Verifies the chain of one phone number (E.164), including entries of that number moved to another chain.</summary>
    public async Task<LedgerVerification> VerifyPhoneAsync(string phone, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phone);
        var anchors = await new ConsentLedgerAnchors(database, time).ReadAllAsync(cancellationToken);
        var builder = Builders<BsonDocument>.Filter;
        var entries = await _logs.Find(builder.Or(builder.Eq("chainKey", phone), builder.Eq("phone", phone))).ToListAsync(cancellationToken);
        return LedgerAudit.Verify(entries, anchors, phone);
    }
}
