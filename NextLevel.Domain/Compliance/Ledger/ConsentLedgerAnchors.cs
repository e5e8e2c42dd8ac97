using System.Globalization;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Compliance.Ledger;

/// <summary>
/// Writes and reads the ledger's daily anchors in <c>system_config</c>. An anchor is written once per day and never
/// changed: <c>_id: "consent_ledger_anchor:YYYY-MM-DD"</c>, key <c>compliance.consentLedgerAnchor.dYYYYMMDD</c>, value
/// <c>{ day, takenAt, chains: [{ chainKey, sequence, hash }] (heads changed since the previous anchor), chainCount,
/// rootHash, previousRootHash, partIds }</c>. Heads beyond <see cref="HeadsPerDocument"/> go to part documents
/// (named after the anchor's root, so a racing writer's parts never mix with the winner's).
/// </summary>
public sealed class ConsentLedgerAnchors(IMongoDatabase database, TimeProvider time)
{
    public const int HeadsPerDocument = 10_000;

    private readonly IMongoCollection<BsonDocument> _config = database.GetCollection<BsonDocument>(CollectionNames.SystemConfig);
    private readonly IMongoCollection<BsonDocument> _logs = database.GetCollection<BsonDocument>(CollectionNames.ConsentLogs);

    /// <summary>
    /// Anchors <paramref name="day"/> with the chain heads as they are now, unless an anchor for that day or a later
    /// one exists (then that one is returned and nothing is written).
    /// </summary>
    public async Task<(LedgerAnchor Anchor, bool Written)> WriteAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var anchors = await ReadAllAsync(cancellationToken);
        if (anchors.LastOrDefault(a => a.Day >= day) is { } existing) return (existing, false);

        var known = new Dictionary<string, ConsentChainHead>(StringComparer.Ordinal);
        foreach (var anchor in anchors) foreach (var head in anchor.Changed) known[head.ChainKey] = head;
        var heads = await CurrentHeadsAsync(cancellationToken);
        var changed = heads.Where(h => !known.TryGetValue(h.ChainKey, out var k) || k != h).ToList();
        var created = new LedgerAnchor(day, time.GetUtcNow().UtcDateTime, changed, heads.Count, LedgerAnchor.Root(heads),
            anchors.Count == 0 ? LedgerCanonicalForm.GenesisHash : anchors[^1].RootHash);

        var parts = changed.Chunk(HeadsPerDocument).ToList();
        var partIds = new BsonArray();
        for (var i = 1; i < parts.Count; i++)
        {
            var partId = $"{created.Id}:{created.RootHash[..16]}:{i + 1}";
            partIds.Add(partId);
            var part = Envelope(partId, $"{Key(day)}.r{created.RootHash[..16]}.part{i + 1}", new BsonDocument
            {
                { "day", DayText(day) }, { "part", i + 1 }, { "chains", Heads(parts[i]) },
            }, created.TakenAt);
            await _config.ReplaceOneAsync(Builders<BsonDocument>.Filter.Eq("_id", partId), part, new ReplaceOptions { IsUpsert = true }, cancellationToken);
        }
        var main = Envelope(created.Id, Key(day), new BsonDocument
        {
            { "day", DayText(day) },
            { "takenAt", created.TakenAt },
            { "chains", Heads(parts.Count == 0 ? [] : parts[0]) },
            { "chainCount", created.ChainCount },
            { "rootHash", created.RootHash },
            { "previousRootHash", created.PreviousRootHash },
            { "partIds", partIds },
        }, created.TakenAt);
        try
        {
            await _config.InsertOneAsync(main, cancellationToken: cancellationToken);
            return (created, true);
        }
        catch (MongoWriteException ex) when (ex.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            var winner = (await ReadAllAsync(cancellationToken)).Last(a => a.Day >= day);
            return (winner, false);
        }
    }

    /// <summary>Every anchor, oldest day first, with its parts joined.</summary>
    public async Task<IReadOnlyList<LedgerAnchor>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        var mains = await _config.Find(Builders<BsonDocument>.Filter.Regex("_id", new BsonRegularExpression("^" + LedgerAnchor.AnchorIdPrefix + @"\d{4}-\d{2}-\d{2}$")))
            .ToListAsync(cancellationToken);
        var result = new List<LedgerAnchor>(mains.Count);
        foreach (var main in mains)
        {
            var value = main["value"].AsBsonDocument;
            var heads = ReadHeads(value["chains"].AsBsonArray);
            var partIds = value.GetValue("partIds", new BsonArray()).AsBsonArray;
            if (partIds.Count > 0)
            {
                var parts = await _config.Find(Builders<BsonDocument>.Filter.In("_id", partIds)).ToListAsync(cancellationToken);
                foreach (var part in parts.OrderBy(p => p["value"]["part"].ToInt32())) heads.AddRange(ReadHeads(part["value"]["chains"].AsBsonArray));
            }
            result.Add(new LedgerAnchor(
                DateOnly.ParseExact(value["day"].AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                value["takenAt"].ToUniversalTime(),
                heads,
                value["chainCount"].ToInt64(),
                value["rootHash"].AsString,
                value["previousRootHash"].AsString));
        }
        return result.OrderBy(a => a.Day).ToList();
    }

    /// <summary>The last entry of every chain now, read in chain order through chainKey_1_sequence_1.</summary>
    private async Task<List<ConsentChainHead>> CurrentHeadsAsync(CancellationToken cancellationToken)
    {
        var heads = new List<ConsentChainHead>();
        var filter = Builders<BsonDocument>.Filter.Exists("chainKey");
        var sort = Builders<BsonDocument>.Sort.Ascending("chainKey").Ascending("sequence");
        var projection = Builders<BsonDocument>.Projection.Include("chainKey").Include("sequence").Include(LedgerCanonicalForm.HashField);
        using var cursor = await _logs.Find(filter).Sort(sort).Project(projection).ToCursorAsync(cancellationToken);
        ConsentChainHead? last = null;
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var entry in cursor.Current)
            {
                var head = new ConsentChainHead(entry["chainKey"].AsString, entry.GetValue("sequence", -1).ToInt64(),
                    entry.GetValue(LedgerCanonicalForm.HashField, "").ToString() ?? "");
                if (last is not null && last.ChainKey != head.ChainKey) heads.Add(last);
                last = head;
            }
        }
        if (last is not null) heads.Add(last);
        return heads;
    }

    private static BsonDocument Envelope(string id, string key, BsonDocument value, DateTime at) => new()
    {
        { "_id", id },
        { "key", key },
        { "value", value },
        { "description", "Consent ledger anchor (docs/compliance.md, Tamper-evident consent ledger); never changed." },
        { "version", 1 },
        { "history", new BsonArray() },
        { "updatedAt", at },
        { "updatedBy", "consent-ledger" },
    };

    private static BsonArray Heads(IEnumerable<ConsentChainHead> heads) =>
        new(heads.Select(h => new BsonDocument { { "chainKey", h.ChainKey }, { "sequence", h.Sequence }, { "hash", h.Hash } }));

    private static List<ConsentChainHead> ReadHeads(BsonArray heads) =>
        heads.Select(h => new ConsentChainHead(h["chainKey"].AsString, h["sequence"].ToInt64(), h["hash"].AsString)).ToList();

    private static string DayText(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Key(DateOnly day) => "compliance.consentLedgerAnchor.d" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
