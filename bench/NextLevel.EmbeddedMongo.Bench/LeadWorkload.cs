using System.Diagnostics;
using MongoDB.Bson;
using MongoDB.Driver;

namespace NextLevel.EmbeddedMongo.Bench;

public sealed record OperationResult(string Name, double OpsPerSecond, double P50Micros, double P99Micros, int Connections);

public sealed record SizeResult(
    int Size,
    IReadOnlyList<OperationResult> Operations,
    double SingleConnectionLookupP50Micros,
    long ResidentBytesLoaded,
    long ResidentBytesEmpty,
    TimeSpan CleanRestart,
    TimeSpan CrashRecovery,
    bool AllDocumentsAfterRecovery);

/// <summary>One run at one collection size: load, measure each operation, then restart and crash-recover.</summary>
public static class LeadWorkload
{
    private const int BatchSize = 1000;
    private const int WarmupDocuments = 30_000;

    public static async Task<SizeResult> RunAsync(BenchOptions options, int size, CancellationToken cancellationToken)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "nextlevel-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        try
        {
            var operations = new List<OperationResult>();
            var engine = await EngineProcess.StartAsync(options.EngineDll, dataDirectory, cancellationToken);
            long residentEmpty;
            long residentLoaded;
            double singleLookupP50;
            try
            {
                var client = new MongoClient(engine.ConnectionString);
                var leads = client.GetDatabase("next_level_real_estate").GetCollection<BsonDocument>("leads");
                await CreateSeedIndexesAsync(leads, cancellationToken);
                residentEmpty = engine.ResidentBytes();

                operations.Add(await InsertManyAsync(leads, size, cancellationToken));
                GC.Collect();
                residentLoaded = engine.ResidentBytes();
                Console.Error.WriteLine($"  loaded {size:N0}: RSS {residentLoaded / 1048576.0:F0} MiB");

                var extra = client.GetDatabase("next_level_real_estate").GetCollection<BsonDocument>("leads_single");
                var generator = new LeadGenerator(7);
                var nextSingle = size;
                operations.Add(await ConcurrentAsync("insertOne (journaled)", options, async ct =>
                {
                    var index = Interlocked.Increment(ref nextSingle);
                    await extra.InsertOneAsync(generator.Create(index), cancellationToken: ct);
                }, cancellationToken));

                operations.Add(await ConcurrentAsync("find by unique index", options, async ct =>
                {
                    var externalId = LeadGenerator.ExternalId(Random.Shared.Next(size));
                    var found = await leads.Find(new BsonDocument { { "source", SourceOf(externalId) }, { "externalId", externalId } }).FirstOrDefaultAsync(ct);
                    if (found is null) throw new InvalidOperationException("indexed lookup missed a document");
                }, cancellationToken));

                singleLookupP50 = (await ConcurrentAsync("find by unique index", options with { Connections = 1 }, async ct =>
                {
                    var externalId = LeadGenerator.ExternalId(Random.Shared.Next(size));
                    await leads.Find(new BsonDocument { { "source", SourceOf(externalId) }, { "externalId", externalId } }).FirstOrDefaultAsync(ct);
                }, cancellationToken)).P50Micros;

                operations.Add(await ConcurrentAsync("updateOne $set/$inc by index", options, async ct =>
                {
                    var externalId = LeadGenerator.ExternalId(Random.Shared.Next(size));
                    await leads.UpdateOneAsync(
                        new BsonDocument { { "source", SourceOf(externalId) }, { "externalId", externalId } },
                        new BsonDocument { { "$set", new BsonDocument("status", "contacted") }, { "$inc", new BsonDocument("enrichment.propertyCount", 1) } },
                        cancellationToken: ct);
                }, cancellationToken));

                operations.Add(await AggregateAsync(leads, size, cancellationToken));
            }
            finally
            {
                await engine.StopAsync();
                await engine.DisposeAsync();
            }

            // Clean restart: SIGTERM checkpointed, so start-up loads the snapshot.
            var restarted = await EngineProcess.StartAsync(options.EngineDll, dataDirectory, cancellationToken);
            var cleanRestart = restarted.StartTime;
            // Crash recovery: write more, kill -9 before any checkpoint, restart replays the journal.
            var client2 = new MongoClient(restarted.ConnectionString);
            var leads2 = client2.GetDatabase("next_level_real_estate").GetCollection<BsonDocument>("leads");
            await leads2.UpdateManyAsync(FilterDefinition<BsonDocument>.Empty, new BsonDocument("$set", new BsonDocument("updatedBy", "bench")), cancellationToken: cancellationToken);
            restarted.KillHard();
            await using var recovered = await EngineProcess.StartAsync(options.EngineDll, dataDirectory, cancellationToken);
            var client3 = new MongoClient(recovered.ConnectionString);
            var leads3 = client3.GetDatabase("next_level_real_estate").GetCollection<BsonDocument>("leads");
            var updated = await leads3.CountDocumentsAsync(new BsonDocument("updatedBy", "bench"), cancellationToken: cancellationToken);

            return new SizeResult(size, operations, singleLookupP50, residentLoaded, residentEmpty, cleanRestart, recovered.StartTime, updated == size);
        }
        finally
        {
            try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The find of the benchmark: by the unique compound index <c>source_1_externalId_1</c>.</summary>
    internal static BsonDocument UniqueKeyFilter(string externalId) =>
        new() { { "source", SourceOf(externalId) }, { "externalId", externalId } };

    private static string SourceOf(string externalId)
    {
        var index = int.Parse(externalId.AsSpan(4));
        return new[] { "google_ads", "zillow", "realgeeks" }[index % 3];
    }

    internal static async Task CreateSeedIndexesAsync(IMongoCollection<BsonDocument> leads, CancellationToken cancellationToken)
    {
        var keys = Builders<BsonDocument>.IndexKeys;
        await leads.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<BsonDocument>(keys.Ascending("contact.email")),
            new CreateIndexModel<BsonDocument>(keys.Ascending("contact.phone")),
            new CreateIndexModel<BsonDocument>(keys.Ascending("source").Ascending("externalId"), new CreateIndexOptions { Unique = true }),
            new CreateIndexModel<BsonDocument>(keys.Ascending("status").Ascending("nextFollowUp")),
            new CreateIndexModel<BsonDocument>(keys.Ascending("qualification.qualified").Descending("qualification.score")),
            new CreateIndexModel<BsonDocument>(keys.Descending("receivedAt")),
            new CreateIndexModel<BsonDocument>(keys.Ascending("consent.hasWrittenConsent").Ascending("dncStatus.onNationalRegistry")),
        ], cancellationToken);
    }

    private static async Task<OperationResult> InsertManyAsync(IMongoCollection<BsonDocument> leads, int size, CancellationToken cancellationToken)
    {
        // Warm up (JIT, connection) as the other operations do, on a scratch collection with the same indexes, so that
        // a 10,000-document run measures inserts rather than compilation: 30 batches, because the tiered JIT promotes a
        // method to optimised code after 30 calls and the per-batch path (command, journal group) runs once per batch.
        var warmup = leads.Database.GetCollection<BsonDocument>("leads_warmup");
        await CreateSeedIndexesAsync(warmup, cancellationToken);
        var warmupGenerator = new LeadGenerator(2);
        for (var start = 0; start < WarmupDocuments; start += BatchSize)
            await warmup.InsertManyAsync(Enumerable.Range(start, BatchSize).Select(warmupGenerator.Create), new InsertManyOptions { IsOrdered = false }, cancellationToken: cancellationToken);
        await leads.Database.DropCollectionAsync("leads_warmup", cancellationToken);

        var generator = new LeadGenerator(1);
        var latencies = new List<long>(size / BatchSize + 1);
        var total = Stopwatch.StartNew();
        for (var start = 0; start < size; start += BatchSize)
        {
            var batch = Enumerable.Range(start, Math.Min(BatchSize, size - start)).Select(generator.Create).ToList();
            var begin = Stopwatch.GetTimestamp();
            await leads.InsertManyAsync(batch, new InsertManyOptions { IsOrdered = false }, cancellationToken);
            latencies.Add(Stopwatch.GetTimestamp() - begin);
        }
        var recorder = new LatencyRecorder();
        recorder.AddRange(latencies);
        return new OperationResult($"insertMany (batches of {BatchSize}, journaled) — docs/s, batch latency", size / total.Elapsed.TotalSeconds,
            recorder.PercentileMicroseconds(50), recorder.PercentileMicroseconds(99), 1);
    }

    private static async Task<OperationResult> ConcurrentAsync(string name, BenchOptions options, Func<CancellationToken, Task> operation, CancellationToken cancellationToken)
    {
        // Warm up connections and JIT, then measure for the configured duration.
        for (var i = 0; i < 200; i++) await operation(cancellationToken);
        var recorder = new LatencyRecorder();
        var deadline = Stopwatch.GetTimestamp() + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency);
        var total = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.Connections).Select(_ => Task.Run(async () =>
        {
            var local = new List<long>(1 << 14);
            while (Stopwatch.GetTimestamp() < deadline && !cancellationToken.IsCancellationRequested)
            {
                var begin = Stopwatch.GetTimestamp();
                await operation(cancellationToken);
                local.Add(Stopwatch.GetTimestamp() - begin);
            }
            recorder.AddRange(local);
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers);
        var elapsed = total.Elapsed.TotalSeconds;
        return new OperationResult(name, recorder.Count / elapsed, recorder.PercentileMicroseconds(50), recorder.PercentileMicroseconds(99), options.Connections);
    }

    private static async Task<OperationResult> AggregateAsync(IMongoCollection<BsonDocument> leads, int size, CancellationToken cancellationToken)
    {
        // The seed's lead qualification funnel.
        var pipeline = new[]
        {
            new BsonDocument("$match", new BsonDocument("receivedAt", new BsonDocument("$gte", new DateTime(2025, 10, 1, 0, 0, 0, DateTimeKind.Utc)))),
            new BsonDocument("$group", new BsonDocument { { "_id", "$status" }, { "count", new BsonDocument("$sum", 1) }, { "avgScore", new BsonDocument("$avg", "$qualification.score") } }),
            new BsonDocument("$project", new BsonDocument { { "status", "$_id" }, { "count", 1 }, { "avgScore", new BsonDocument("$round", new BsonArray { "$avgScore", 2 }) }, { "_id", 0 } }),
        };
        var runs = size >= 1_000_000 ? 3 : 10;
        var latencies = new List<long>();
        for (var i = 0; i < runs; i++)
        {
            var begin = Stopwatch.GetTimestamp();
            var rows = await leads.Aggregate<BsonDocument>(pipeline, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
            latencies.Add(Stopwatch.GetTimestamp() - begin);
            var counted = rows.Sum(r => r["count"].ToInt64());
            if (counted != size) throw new InvalidOperationException($"funnel counted {counted} of {size} leads");
        }
        var recorder = new LatencyRecorder();
        recorder.AddRange(latencies);
        var p50 = recorder.PercentileMicroseconds(50);
        return new OperationResult("aggregate $match/$group/$project (seed funnel) — pipelines/s", 1_000_000 / p50, p50, recorder.PercentileMicroseconds(99), 1);
    }
}
