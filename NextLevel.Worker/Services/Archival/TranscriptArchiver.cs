using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Configuration;
using NextLevel.Domain.Persistence;
using NextLevel.Worker.Telemetry;

namespace NextLevel.Worker.Services.Archival;

/// <summary>Where an archival round is; a test hook may stop the round there, as a killed process would.</summary>
public enum ArchivalStage
{
    Copied = 1,
    Verified = 2,
    Deleted = 3,
}

/// <summary>What one archival run moved.</summary>
public sealed record ArchivalResult(DateTimeOffset Cutoff, long Archived, IReadOnlyDictionary<int, long> ByYear);

/// <summary>
/// Moves call transcripts older than the retention period to <c>call_transcripts_archive_&lt;year of createdAt&gt;</c>
/// without ever losing or duplicating one. Per batch: copy each document with an upsert on its _id (a second copy
/// replaces the first), read the archive back to verify every copied id is there, then delete from
/// <c>call_transcripts</c> exactly the verified ids. Killed at any point, the next run repeats the copy harmlessly and
/// finishes the delete. consent_logs are never touched; analytics_events expire by their own TTL index.
/// </summary>
public sealed class TranscriptArchiver(IMongoDatabase database, SystemConfigStore settings, IOptions<ArchivalOptions> options, TimeProvider time, WorkerTelemetry telemetry)
{
    private readonly IMongoCollection<BsonDocument> _transcripts = database.GetCollection<BsonDocument>(CollectionNames.CallTranscripts);

    /// <summary>Called after each stage of each batch (tests stop a run there).</summary>
    public Func<ArchivalStage, CancellationToken, Task>? StageReached { get; set; }

    public async Task<ArchivalResult> RunAsync(CancellationToken cancellationToken)
    {
        var (retention, _) = await settings.GetAsync(SystemSettings.Retention, cancellationToken);
        var cutoff = time.GetUtcNow().AddDays(-Math.Max(1, retention.TranscriptsDays));
        var byYear = new Dictionary<int, long>();
        long total = 0;
        var prepared = new HashSet<int>();
        while (true)
        {
            var batch = await _transcripts.Find(Builders<BsonDocument>.Filter.Lt("createdAt", cutoff.UtcDateTime))
                .Sort(Builders<BsonDocument>.Sort.Ascending("createdAt"))
                .Limit(Math.Max(1, options.Value.BatchSize))
                .ToListAsync(cancellationToken);
            if (batch.Count == 0) break;

            var moved = 0L;
            foreach (var group in batch.GroupBy(d => d["createdAt"].ToUniversalTime().Year))
            {
                var archive = database.GetCollection<BsonDocument>(CollectionNames.CallTranscriptsArchive(group.Key));
                if (prepared.Add(group.Key)) await EnsureArchiveIndexesAsync(archive, cancellationToken);
                var documents = group.ToList();
                await archive.BulkWriteAsync(
                    documents.Select(d => new ReplaceOneModel<BsonDocument>(Builders<BsonDocument>.Filter.Eq("_id", d["_id"]), d) { IsUpsert = true }),
                    new BulkWriteOptions { IsOrdered = false }, cancellationToken);
                await ReachedAsync(ArchivalStage.Copied, cancellationToken);

                var ids = new BsonArray(documents.Select(d => d["_id"]));
                var verified = await archive.Find(Builders<BsonDocument>.Filter.In("_id", ids))
                    .Project(Builders<BsonDocument>.Projection.Include("_id"))
                    .ToListAsync(cancellationToken);
                var verifiedIds = verified.Select(v => v["_id"]).ToList();
                await ReachedAsync(ArchivalStage.Verified, cancellationToken);

                if (verifiedIds.Count == 0) continue;
                var deleted = await _transcripts.DeleteManyAsync(Builders<BsonDocument>.Filter.In("_id", verifiedIds), cancellationToken);
                await ReachedAsync(ArchivalStage.Deleted, cancellationToken);
                byYear[group.Key] = byYear.GetValueOrDefault(group.Key) + deleted.DeletedCount;
                moved += deleted.DeletedCount;
            }
            total += moved;
            telemetry.Archived.Add(moved);
            if (moved == 0) break;
        }
        return new ArchivalResult(cutoff, total, byYear);
    }

    private Task ReachedAsync(ArchivalStage stage, CancellationToken cancellationToken) =>
        StageReached is { } hook ? hook(stage, cancellationToken) : Task.CompletedTask;

    /// <summary>The archives keep the lookups of the main collection: by call (unique) and by lead.</summary>
    private static Task EnsureArchiveIndexesAsync(IMongoCollection<BsonDocument> archive, CancellationToken cancellationToken) =>
        archive.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<BsonDocument>(new BsonDocument("callId", 1), new CreateIndexOptions { Name = "callId_1", Unique = true }),
            new CreateIndexModel<BsonDocument>(new BsonDocument("leadId", 1), new CreateIndexOptions { Name = "leadId_1" }),
        ], cancellationToken);
}
