using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Compliance.Ledger;

/// <summary>
/// Part of the catalogue migration: entries written before the ledger existed (no <c>chainKey</c>) are linked once
/// into their chains, in <c>_id</c> order after any entry the chain already has, and marked
/// <c>sealedAtMigration: true</c>. The only write to existing consent_logs documents anywhere, and it can only add the
/// chain fields to an unsealed entry: each replace is conditional on the entry still having no chain key, so a sealed
/// entry is never rewritten. Runs at every start (idempotent: nothing to seal, nothing written). A sequence taken
/// meanwhile by a live append fails on the unique index and the round starts again from fresh chain tails.
/// </summary>
public sealed class ConsentLedgerSealing(IMongoDatabase database)
{
    private const int BatchSize = 1_000;
    private const int MaxRounds = 20;

    private readonly IMongoCollection<BsonDocument> _logs = database.GetCollection<BsonDocument>(CollectionNames.ConsentLogs);

    /// <summary>Seals every unsealed entry; returns how many were sealed.</summary>
    public async Task<long> SealAsync(CancellationToken cancellationToken = default)
    {
        long sealedCount = 0;
        for (var round = 0; round < MaxRounds; round++)
        {
            var (count, complete) = await SealRoundAsync(cancellationToken);
            sealedCount += count;
            if (complete) return sealedCount;
        }
        throw new InvalidOperationException("consent_logs: sealing kept losing races with live appends; run the migration again.");
    }

    private async Task<(long Sealed, bool Complete)> SealRoundAsync(CancellationToken cancellationToken)
    {
        var filter = Builders<BsonDocument>.Filter;
        var unsealed = filter.Not(filter.Exists("chainKey"));
        if (!await _logs.Find(unsealed).Limit(1).AnyAsync(cancellationToken)) return (0, true);
        var chainsExist = await _logs.Find(filter.Exists("chainKey")).Limit(1).AnyAsync(cancellationToken);

        var heads = new Dictionary<string, ConsentChainHead?>(StringComparer.Ordinal);
        var writes = new List<WriteModel<BsonDocument>>(BatchSize);
        long sealedCount = 0;
        using var cursor = await _logs.Find(unsealed).Sort(Builders<BsonDocument>.Sort.Ascending("_id")).ToCursorAsync(cancellationToken);
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var entry in cursor.Current)
            {
                // An entry with no phone, e-mail or lead cannot be chained: it stays unsealed and verification names it.
                if (ConsentChainKey.For(entry) is not { } key) continue;
                if (!heads.TryGetValue(key, out var tail))
                    tail = chainsExist ? await TailAsync(key, cancellationToken) : null;
                var sealedEntry = ConsentChainLink.Link(entry, key, tail, sealedAtMigration: true);
                heads[key] = new ConsentChainHead(key, sealedEntry["sequence"].ToInt64(), sealedEntry[LedgerCanonicalForm.HashField].AsString);
                writes.Add(new ReplaceOneModel<BsonDocument>(filter.And(filter.Eq("_id", entry["_id"]), unsealed), sealedEntry));
                if (writes.Count < BatchSize) continue;
                var (written, clean) = await FlushAsync(writes, cancellationToken);
                sealedCount += written;
                if (!clean) return (sealedCount, false);
            }
        }
        var (last, done) = await FlushAsync(writes, cancellationToken);
        return (sealedCount + last, done);
    }

    /// <summary>Writes a batch in order; false when a write lost a race (a taken sequence, or an entry sealed by another instance).</summary>
    private async Task<(long Written, bool Clean)> FlushAsync(List<WriteModel<BsonDocument>> writes, CancellationToken cancellationToken)
    {
        if (writes.Count == 0) return (0, true);
        try
        {
            var result = await _logs.BulkWriteAsync(writes, new BulkWriteOptions { IsOrdered = true }, cancellationToken);
            var count = writes.Count;
            writes.Clear();
            return (result.ModifiedCount, result.MatchedCount == count);
        }
        catch (MongoBulkWriteException<BsonDocument> ex) when (ex.WriteErrors.All(e => e.Category == ServerErrorCategory.DuplicateKey))
        {
            writes.Clear();
            return (ex.Result.ModifiedCount, false);
        }
    }

    private async Task<ConsentChainHead?> TailAsync(string chainKey, CancellationToken cancellationToken)
    {
        var last = await _logs.Find(Builders<BsonDocument>.Filter.Eq("chainKey", chainKey))
            .Sort(Builders<BsonDocument>.Sort.Descending("sequence")).Limit(1).FirstOrDefaultAsync(cancellationToken);
        return last is null ? null : new ConsentChainHead(chainKey, last["sequence"].ToInt64(), last[LedgerCanonicalForm.HashField].AsString);
    }
}
