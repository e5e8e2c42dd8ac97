using Microsoft.Extensions.Time.Testing;
using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Storage;
using NextLevel.EmbeddedMongo.Tests.Storage;

namespace NextLevel.EmbeddedMongo.Tests.Indexes;

public sealed class TtlMonitorTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Expired_dates_are_deleted_and_others_kept()
    {
        var time = new FakeTimeProvider(Start);
        await using var engine = await StorageEngine.OpenAsync(new StorageOptions { Time = time, TtlMonitorInterval = TimeSpan.FromHours(1) });
        await engine.CreateIndexAsync("sessions", BsonDocument.Parse("{ key: { lastSeen: 1 }, expireAfterSeconds: 60 }"));
        var now = Start.UtcDateTime;
        await engine.InsertAsync("sessions", new BsonDocument { { "_id", "old" }, { "lastSeen", now.AddSeconds(-61) } });
        await engine.InsertAsync("sessions", new BsonDocument { { "_id", "fresh" }, { "lastSeen", now.AddSeconds(-30) } });
        await engine.InsertAsync("sessions", new BsonDocument { { "_id", "oldInArray" }, { "lastSeen", new BsonArray { now.AddDays(1), now.AddHours(-2) } } });
        await engine.InsertAsync("sessions", new BsonDocument { { "_id", "notADate" }, { "lastSeen", "yesterday" } });
        await engine.InsertAsync("sessions", new BsonDocument { { "_id", "missing" } });

        var deleted = await engine.TtlMonitor.RemoveExpiredAsync(CancellationToken.None);

        Assert.Equal(2, deleted);
        Assert.Equal(["fresh", "notADate", "missing"], engine.All("sessions").Select(document => document["_id"].AsString));
    }

    [Fact]
    public async Task Monitor_runs_on_its_interval()
    {
        var time = new FakeTimeProvider(Start);
        await using var engine = await StorageEngine.OpenAsync(new StorageOptions { Time = time, TtlMonitorInterval = TimeSpan.FromSeconds(15) });
        await engine.CreateIndexAsync("sessions", BsonDocument.Parse("{ key: { createdAt: -1 }, expireAfterSeconds: 3600 }"));
        await engine.InsertAsync("sessions", new BsonDocument { { "_id", 1 }, { "createdAt", Start.UtcDateTime } });

        time.Advance(TimeSpan.FromMinutes(59));
        await Task.Delay(50);
        Assert.Single(engine.All("sessions"));

        time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(15));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (engine.All("sessions").Count > 0 && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.Empty(engine.All("sessions"));
    }

    [Fact]
    public async Task Ttl_deletions_are_journaled()
    {
        using var directory = new TemporaryDirectory();
        var time = new FakeTimeProvider(Start);
        var options = StorageTestSupport.DurableOptions(directory.Path);
        await using (var engine = await StorageEngine.OpenAsync(new StorageOptions
        {
            DataDirectory = directory.Path,
            Time = time,
            TtlMonitorInterval = TimeSpan.FromHours(1),
            CheckpointInterval = TimeSpan.FromHours(1),
        }))
        {
            await engine.CreateIndexAsync("sessions", BsonDocument.Parse("{ key: { at: 1 }, expireAfterSeconds: 0 }"));
            await engine.InsertAsync("sessions", new BsonDocument { { "_id", 1 }, { "at", Start.UtcDateTime.AddSeconds(-1) } });
            await engine.TtlMonitor.RemoveExpiredAsync(CancellationToken.None);
            await engine.DisposeWithoutCheckpointAsync();
        }

        await using var reopened = await StorageEngine.OpenAsync(options);
        Assert.Empty(reopened.All("sessions"));
    }
}
