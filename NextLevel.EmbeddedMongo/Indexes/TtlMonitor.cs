using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Storage;

namespace NextLevel.EmbeddedMongo.Indexes;

/// <summary>
/// Deletes documents whose TTL-indexed date (or any date in an indexed array) is older than the index's
/// expireAfterSeconds, as MongoDB's TTL monitor does. Expired entries are found by walking the index over the date
/// range below the cutoff; deletions go through <see cref="StorageEngine.WriteAsync{T}"/> and so are journaled.
/// [Singleton - ThreadSafe] one loop per engine.
/// </summary>
internal sealed class TtlMonitor(StorageEngine engine, TimeProvider time, Action<string>? log)
{
    private const int DeleteBatchSize = 1000;

    public async Task RunAsync(TimeSpan interval, CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                try
                {
                    await RemoveExpiredAsync(stopping);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log?.Invoke($"TTL monitor pass failed: {ex.Message}");
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Engine shutdown.
        }
    }

    /// <summary>
    /// One pass over every TTL index; returns how many documents were deleted. Deletions are committed in batches so
    /// that a large expiry never holds the write lock for long.
    /// </summary>
    public async Task<long> RemoveExpiredAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var expired = engine.Read(reader => FindExpired(reader, now));
        long deleted = 0;
        foreach (var batch in expired)
        {
            foreach (var recordIds in batch.RecordIds.Chunk(DeleteBatchSize))
                deleted += await engine.WriteAsync(writer => DeleteIfStillExpired(writer, batch, recordIds, now), cancellationToken);
        }
        return deleted;
    }

    private static long DeleteIfStillExpired(StorageWriter writer, ExpiredBatch batch, RecordId[] recordIds, DateTimeOffset now)
    {
        // The collection may have been dropped, re-created or re-indexed since the entries were read.
        var collection = writer.Collection(batch.Database, batch.Collection);
        var index = collection?.FindIndex(batch.IndexName);
        if (collection is null || collection.Uuid != batch.Uuid || index?.Definition.ExpireAfterSeconds is not { } seconds) return 0;
        var cutoff = Cutoff(now, seconds);
        long deleted = 0;
        foreach (var recordId in recordIds)
        {
            var stored = collection.Get(recordId);
            if (stored is null || !HasExpiredKey(index, stored, cutoff)) continue;
            writer.Delete(collection, stored.Id);
            deleted++;
        }
        return deleted;
    }

    private static List<ExpiredBatch> FindExpired(StorageReader reader, DateTimeOffset now)
    {
        var batches = new List<ExpiredBatch>();
        foreach (var database in reader.DatabaseNames)
        {
            foreach (var collection in reader.Collections(database))
            {
                foreach (var index in collection.Indexes)
                {
                    if (index.Definition.ExpireAfterSeconds is not { } seconds || index.Pattern.Paths.Length != 1 || !index.MaintainsEntries) continue;
                    var cutoff = Cutoff(now, seconds);
                    var recordIds = new HashSet<long>();
                    foreach (var entry in index.WalkValuesAscending(static value => BsonTypeOrder.RankOf(value) < BsonTypeRank.DateTime ? -1 : 0))
                    {
                        var value = entry.ValueAt(0);
                        if (value.BsonType != BsonType.DateTime || value.AsBsonDateTime.MillisecondsSinceEpoch >= cutoff) break;
                        recordIds.Add(entry.RecordId);
                    }
                    if (recordIds.Count > 0)
                        batches.Add(new ExpiredBatch(database, collection.Name, collection.Uuid, index.Definition.Name, recordIds.Select(id => new RecordId(id)).ToArray()));
                }
            }
        }
        return batches;
    }

    private static bool HasExpiredKey(IndexStore index, StoredDocument stored, long cutoff)
    {
        BsonDocument? document = null;
        return index.KeysOf(stored, ref document).Keys.Any(key => IndexEntry.ValueAt(key, 0) is BsonDateTime date && date.MillisecondsSinceEpoch < cutoff);
    }

    private static long Cutoff(DateTimeOffset now, int expireAfterSeconds) => now.ToUnixTimeMilliseconds() - expireAfterSeconds * 1000L;

    private sealed record ExpiredBatch(string Database, string Collection, Guid Uuid, string IndexName, RecordId[] RecordIds);
}
