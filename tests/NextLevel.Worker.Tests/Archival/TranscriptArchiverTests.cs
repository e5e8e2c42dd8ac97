using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Configuration;
using NextLevel.Domain.Persistence;
using NextLevel.Worker.Services.Archival;
using NextLevel.Worker.Tests.Infrastructure;

namespace NextLevel.Worker.Tests.Archival;

public sealed class TranscriptArchiverTests(EmbeddedDatabase server) : IClassFixture<EmbeddedDatabase>
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Transcripts_older_than_the_retention_move_to_their_year_archive_and_nothing_else_moves()
    {
        var (database, archiver, transcripts) = await SetUpAsync(batchSize: 7);
        var old = await InsertAsync(transcripts, [Now.AddDays(-800), Now.AddDays(-500), Now.AddDays(-366)], 10);
        var recent = await InsertAsync(transcripts, [Now.AddDays(-364), Now.AddDays(-1)], 10);
        await new ConsentLedger(database).AppendAsync(new ConsentLog { Phone = "+12065550100", EventType = ConsentEventType.ConsentGranted, Timestamp = Now.AddYears(-3).UtcDateTime });

        var result = await archiver.RunAsync(default);

        Assert.Equal(30, result.Archived);
        Assert.Equal(recent.Order(), (await transcripts.Find(FilterDefinition<CallTranscript>.Empty).Project(t => t.Id).ToListAsync()).Order());
        var archived = await ArchivedIdsAsync(database);
        Assert.Equal(old.Order(), archived.Order());
        Assert.Equal(10, await database.GetCollection<BsonDocument>("call_transcripts_archive_2023").CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty));
        Assert.Equal(20, await database.GetCollection<BsonDocument>("call_transcripts_archive_2024").CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty)
            + await database.GetCollection<BsonDocument>("call_transcripts_archive_2025").CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty));
        Assert.Equal(1, await database.GetCollection<BsonDocument>(CollectionNames.ConsentLogs).CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty));
        // A second run finds nothing more to do.
        Assert.Equal(0, (await archiver.RunAsync(default)).Archived);
    }

    [Theory]
    [InlineData(ArchivalStage.Copied, 1)]
    [InlineData(ArchivalStage.Copied, 3)]
    [InlineData(ArchivalStage.Verified, 2)]
    [InlineData(ArchivalStage.Deleted, 2)]
    public async Task Archival_killed_at_any_stage_and_run_again_loses_nothing_and_duplicates_nothing(ArchivalStage killAt, int occurrence)
    {
        var (database, archiver, transcripts) = await SetUpAsync(batchSize: 4);
        var old = await InsertAsync(transcripts, [Now.AddDays(-900), Now.AddDays(-400)], 9);
        var recent = await InsertAsync(transcripts, [Now.AddDays(-10)], 5);
        var seen = 0;
        archiver.StageReached = (stage, _) => stage == killAt && ++seen == occurrence ? throw new OperationCanceledException("killed") : Task.CompletedTask;

        await Assert.ThrowsAsync<OperationCanceledException>(() => archiver.RunAsync(default));
        var mainAfterKill = await transcripts.Find(FilterDefinition<CallTranscript>.Empty).Project(t => t.Id).ToListAsync();
        var archivedAfterKill = await ArchivedIdsAsync(database);
        Assert.Equal(old.Concat(recent).Order(), mainAfterKill.Union(archivedAfterKill).Order());

        archiver.StageReached = null;
        await archiver.RunAsync(default);

        Assert.Equal(recent.Order(), (await transcripts.Find(FilterDefinition<CallTranscript>.Empty).Project(t => t.Id).ToListAsync()).Order());
        var archived = await ArchivedIdsAsync(database);
        Assert.Equal(old.Count, archived.Count);
        Assert.Equal(old.Order(), archived.Order());
    }

    private async Task<(IMongoDatabase, TranscriptArchiver, IMongoCollection<CallTranscript>)> SetUpAsync(int batchSize)
    {
        var database = await server.NewDatabaseAsync();
        var clock = new FakeTimeProvider(Now);
        var archiver = new TranscriptArchiver(database, new SystemConfigStore(database, clock), Options.Create(new ArchivalOptions { BatchSize = batchSize }), clock, EngineHarness.Telemetry);
        return (database, archiver, database.GetCollection<CallTranscript>(CollectionNames.CallTranscripts));
    }

    private static async Task<List<ObjectId>> InsertAsync(IMongoCollection<CallTranscript> transcripts, DateTimeOffset[] dates, int each)
    {
        var documents = dates.SelectMany(d => Enumerable.Range(0, each).Select(i => CallTranscript.From(ObjectId.GenerateNewId(), ObjectId.GenerateNewId(),
            [new TranscriptMessage { Speaker = Speaker.Agent, Text = "Hello", Timestamp = 0, Confidence = 0.9 }], 60, d.AddMinutes(i).UtcDateTime))).ToList();
        foreach (var d in documents) d.Id = ObjectId.GenerateNewId();
        await transcripts.InsertManyAsync(documents);
        return [.. documents.Select(d => d.Id)];
    }

    private static async Task<List<ObjectId>> ArchivedIdsAsync(IMongoDatabase database)
    {
        var ids = new List<ObjectId>();
        var names = await (await database.ListCollectionNamesAsync()).ToListAsync();
        foreach (var name in names.Where(n => n.StartsWith("call_transcripts_archive_", StringComparison.Ordinal)))
            ids.AddRange((await database.GetCollection<BsonDocument>(name).Find(FilterDefinition<BsonDocument>.Empty).ToListAsync()).Select(d => d["_id"].AsObjectId));
        return ids;
    }
}
