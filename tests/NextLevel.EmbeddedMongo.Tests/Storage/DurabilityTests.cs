using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Storage;
using NextLevel.EmbeddedMongo.Storage.Durability;

namespace NextLevel.EmbeddedMongo.Tests.Storage;

public sealed class DurabilityTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Writes_are_replayed_from_the_journal_after_reopen()
    {
        await using (var engine = await OpenAsync())
        {
            await WriteSampleAsync(engine);
            // Simulate a crash: no final checkpoint, the journal alone must carry everything.
            await AbandonAsync(engine);
        }

        await using var reopened = await OpenAsync();
        AssertSample(reopened);
    }

    [Fact]
    public async Task Clean_shutdown_writes_a_checkpoint_and_reopen_loads_it()
    {
        await using (var engine = await OpenAsync())
        {
            await WriteSampleAsync(engine);
        }
        Assert.Single(_directory.Checkpoints);

        await using var reopened = await OpenAsync();
        AssertSample(reopened);
    }

    [Fact]
    public async Task Checkpoint_then_more_journal_records_recover_together()
    {
        await using (var engine = await OpenAsync())
        {
            await engine.InsertAsync("people", new BsonDocument { { "_id", 1 }, { "name", "before" } });
            await engine.CheckpointAsync();
            await engine.InsertAsync("people", new BsonDocument { { "_id", 2 }, { "name", "after" } });
            await engine.WriteAsync(writer =>
            {
                var collection = writer.Collection("test", "people")!;
                writer.Delete(collection, collection.Scan().First().Id);
                return 0;
            });
            await AbandonAsync(engine);
        }
        Assert.Single(_directory.Checkpoints);

        await using var reopened = await OpenAsync();
        Assert.Equal(["after"], reopened.All("people").Select(document => document["name"].AsString));
    }

    [Fact]
    public async Task Checkpoint_keeps_only_the_previous_checkpoint_and_its_journals_as_fallback()
    {
        await using var engine = await OpenAsync();
        await engine.InsertAsync("people", new BsonDocument("_id", 1));
        var firstJournal = _directory.Journals.Single();

        await engine.CheckpointAsync();
        Assert.Contains(firstJournal, _directory.Journals);
        var firstCheckpoint = _directory.Checkpoints.Single();

        await engine.InsertAsync("people", new BsonDocument("_id", 2));
        await engine.CheckpointAsync();
        Assert.DoesNotContain(firstJournal, _directory.Journals);
        Assert.Contains(firstCheckpoint, _directory.Checkpoints);
        Assert.Equal(2, _directory.Checkpoints.Length);

        await engine.InsertAsync("people", new BsonDocument("_id", 3));
        await engine.CheckpointAsync();
        Assert.DoesNotContain(firstCheckpoint, _directory.Checkpoints);
        Assert.Equal(2, _directory.Checkpoints.Length);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(20)]
    public async Task Torn_journal_tail_is_truncated_and_everything_before_survives(int bytesCut)
    {
        await using (var engine = await OpenAsync())
        {
            for (var i = 0; i < 10; i++) await engine.InsertAsync("people", new BsonDocument { { "_id", i }, { "pad", new string('x', 30) } });
            await AbandonAsync(engine);
        }
        var journal = _directory.Journals.Single();
        var length = new FileInfo(journal).Length;
        using (var file = new FileStream(journal, FileMode.Open)) file.SetLength(length - bytesCut);

        var log = new List<string>();
        await using var reopened = await OpenAsync(log.Add);

        Assert.Equal(Enumerable.Range(0, 9), reopened.All("people").Select(document => document["_id"].AsInt32));
        Assert.Contains(log, line => line.Contains("discarding", StringComparison.Ordinal));
        await reopened.InsertAsync("people", new BsonDocument("_id", 100));
    }

    [Fact]
    public async Task Corrupt_byte_stops_replay_at_that_record()
    {
        long[] offsets = [];
        await using (var engine = await OpenAsync())
        {
            for (var i = 0; i < 10; i++) await engine.InsertAsync("people", new BsonDocument("_id", i));
            await AbandonAsync(engine);
        }
        var journal = _directory.Journals.Single();
        var bytes = await File.ReadAllBytesAsync(journal);
        offsets = RecordOffsets(bytes);
        // Records: createCollection, then the 10 inserts. Damage the payload of the 6th insert.
        bytes[offsets[6] + RecordFraming.HeaderSize + 10] ^= 0xFF;
        await File.WriteAllBytesAsync(journal, bytes);

        await using var reopened = await OpenAsync();
        Assert.Equal(Enumerable.Range(0, 5), reopened.All("people").Select(document => document["_id"].AsInt32));
        Assert.Equal(offsets[6], new FileInfo(journal).Length);
    }

    [Fact]
    public async Task Indexes_survive_reopen_and_still_enforce_uniqueness()
    {
        await using (var engine = await OpenAsync())
        {
            await engine.CreateIndexAsync("people", new BsonDocument { { "key", new BsonDocument("email", 1) }, { "unique", true } });
            await engine.InsertAsync("people", new BsonDocument { { "_id", 1 }, { "email", "a@x" } });
            await AbandonAsync(engine);
        }

        await using var reopened = await OpenAsync();
        var error = await Assert.ThrowsAsync<NextLevel.EmbeddedMongo.Engine.MongoError>(() =>
            reopened.InsertAsync("people", new BsonDocument { { "_id", 2 }, { "email", "a@x" } }));
        Assert.Equal(11000, error.Code);
        Assert.Equal(2, reopened.Read(reader => reader.Collection("test", "people")!.FindIndex("email_1")!.EntryCount + 1));
    }

    [Fact]
    public async Task Catalog_operations_are_journaled()
    {
        await using (var engine = await OpenAsync())
        {
            await engine.WriteAsync(writer => writer.CreateCollection("shop", "orders", new CollectionOptions { Validator = new BsonDocument("a", 1) }));
            await engine.WriteAsync(writer => writer.CreateCollection("shop", "gone", CollectionOptions.Default));
            await engine.WriteAsync(writer => writer.DropCollection("shop", "gone"));
            await engine.WriteAsync(writer => writer.CreateCollection("old", "x", CollectionOptions.Default));
            await engine.WriteAsync(writer => writer.DropDatabase("old"));
            await engine.WriteAsync(writer =>
            {
                var orders = writer.Collection("shop", "orders")!;
                writer.SetCollectionOptions(orders, new CollectionOptions { ValidationLevel = "moderate" });
                writer.CreateIndex(orders, IndexDefinition.FromSpec(new BsonDocument("key", new BsonDocument("a", 1))));
                writer.CreateIndex(orders, IndexDefinition.FromSpec(new BsonDocument("key", new BsonDocument("b", 1))));
                writer.DropIndex(orders, "a_1");
                writer.CreateIndex(orders, IndexDefinition.FromSpec(BsonDocument.Parse("{ key: { at: 1 }, expireAfterSeconds: 10 }")));
                writer.ModifyIndex(orders, "at_1", expireAfterSeconds: 20, hidden: true);
                writer.RenameCollection("shop", "orders", "shop", "invoices", dropTarget: false);
                return 0;
            });
            await AbandonAsync(engine);
        }

        await using var reopened = await OpenAsync();
        reopened.Read(reader =>
        {
            Assert.Equal(["shop"], reader.DatabaseNames);
            var invoices = Assert.Single(reader.Collections("shop"));
            Assert.Equal("invoices", invoices.Name);
            Assert.Equal("moderate", invoices.Options.ValidationLevel);
            Assert.Equal(["_id_", "b_1", "at_1"], invoices.Indexes.Select(index => index.Definition.Name));
            Assert.Equal(20, invoices.FindIndex("at_1")!.Definition.ExpireAfterSeconds);
            Assert.True(invoices.FindIndex("at_1")!.Definition.Hidden);
            return 0;
        });
    }

    [Fact]
    public async Task A_large_journal_triggers_a_checkpoint()
    {
        var options = new StorageOptions
        {
            DataDirectory = _directory.Path,
            CheckpointInterval = TimeSpan.FromHours(1),
            TtlMonitorInterval = TimeSpan.FromHours(1),
            CheckpointJournalBytes = 16 * 1024,
        };
        await using var engine = await StorageEngine.OpenAsync(options);
        for (var i = 0; i < 100; i++) await engine.InsertAsync("people", new BsonDocument { { "_id", i }, { "pad", new string('x', 400) } });

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_directory.Checkpoints.Length == 0 && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.NotEmpty(_directory.Checkpoints);
    }

    [Fact]
    public async Task Checkpoints_run_on_the_checkpoint_interval()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = new StorageOptions
        {
            DataDirectory = _directory.Path,
            Time = time,
            CheckpointInterval = TimeSpan.FromMinutes(1),
            TtlMonitorInterval = TimeSpan.FromHours(1),
        };
        await using var engine = await StorageEngine.OpenAsync(options);
        await engine.InsertAsync("people", new BsonDocument("_id", 1));
        Assert.Empty(_directory.Checkpoints);

        time.Advance(TimeSpan.FromMinutes(1));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_directory.Checkpoints.Length == 0 && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.Single(_directory.Checkpoints);
    }

    [Fact]
    public async Task TryStartCheckpoint_writes_a_checkpoint_in_the_background()
    {
        await using var engine = await OpenAsync();
        await engine.InsertAsync("people", new BsonDocument("_id", 1));
        Assert.True(engine.TryStartCheckpoint());
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_directory.Checkpoints.Length == 0 && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.Single(_directory.Checkpoints);
    }

    [Fact]
    public async Task Restarts_without_writes_do_not_pile_up_journal_files()
    {
        await using (var engine = await OpenAsync()) await engine.InsertAsync("people", new BsonDocument("_id", 1));
        for (var i = 0; i < 3; i++)
        {
            await using var engine = await OpenAsync();
        }
        Assert.True(_directory.Journals.Length <= 2, string.Join(", ", _directory.Journals.Select(Path.GetFileName)));
        await using var reopened = await OpenAsync();
        Assert.Single(reopened.All("people"));
    }

    [Fact]
    public async Task Second_engine_on_the_same_directory_is_refused()
    {
        await using var engine = await OpenAsync();
        var error = await Assert.ThrowsAsync<DataDirectoryInUseException>(() => OpenAsync());
        Assert.IsAssignableFrom<IOException>(error);
        Assert.Contains("Another NextLevel.EmbeddedMongo instance is using", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Directory_can_be_reopened_after_dispose()
    {
        await using (var engine = await OpenAsync()) await engine.InsertAsync("people", new BsonDocument("_id", 1));
        await using var reopened = await OpenAsync();
        Assert.Single(reopened.All("people"));
    }

    [Fact]
    public async Task Torn_write_during_a_crash_loses_only_the_unacknowledged_write()
    {
        var tearing = new TearingFileSystem();
        var options = new StorageOptions
        {
            DataDirectory = _directory.Path,
            CheckpointInterval = TimeSpan.FromHours(1),
            TtlMonitorInterval = TimeSpan.FromHours(1),
            FileSystem = tearing,
        };
        await using (var engine = await StorageEngine.OpenAsync(options))
        {
            for (var i = 0; i < 5; i++) await engine.InsertAsync("people", new BsonDocument("_id", i));
            tearing.TearNextWriteAfter = 7;
            await Assert.ThrowsAsync<IOException>(() => engine.InsertAsync("people", new BsonDocument("_id", 5)));
            await Assert.ThrowsAsync<IOException>(() => engine.InsertAsync("people", new BsonDocument("_id", 6)));
            await AbandonAsync(engine);
        }

        await using var reopened = await OpenAsync();
        Assert.Equal(Enumerable.Range(0, 5), reopened.All("people").Select(document => document["_id"].AsInt32));
    }

    [Fact]
    public async Task Many_concurrent_writers_are_all_durable()
    {
        await using (var engine = await OpenAsync())
        {
            await Task.WhenAll(Enumerable.Range(0, 500).Select(i => Task.Run(() => engine.InsertAsync("people", new BsonDocument("_id", i)))));
            await AbandonAsync(engine);
        }
        await using var reopened = await OpenAsync();
        Assert.Equal(500, reopened.All("people").Count);
    }

    [Fact]
    public async Task Damaged_newest_checkpoint_falls_back_to_the_previous_one_and_its_journals()
    {
        await using (var engine = await OpenAsync())
        {
            await engine.InsertAsync("people", new BsonDocument("_id", 1));
            await engine.CheckpointAsync();
            await engine.InsertAsync("people", new BsonDocument("_id", 2));
            await engine.CheckpointAsync();
            await engine.InsertAsync("people", new BsonDocument("_id", 3));
            await AbandonAsync(engine);
        }
        var newest = _directory.Checkpoints[^1];
        File.WriteAllBytes(newest, File.ReadAllBytes(newest)[..^5]);

        var log = new List<string>();
        await using var reopened = await OpenAsync(log.Add);
        Assert.Contains(log, line => line.Contains("ignoring unreadable checkpoint", StringComparison.Ordinal));
        Assert.Equal([1, 2, 3], reopened.All("people").Select(document => document["_id"].AsInt32));
    }

    private Task<StorageEngine> OpenAsync(Action<string>? log = null) => StorageEngine.OpenAsync(StorageTestSupport.DurableOptions(_directory.Path, log));

    /// <summary>Leaves the engine as a crash would: no final checkpoint; the lock is released so the test can reopen.</summary>
    private static async Task AbandonAsync(StorageEngine engine) => await engine.DisposeWithoutCheckpointAsync();

    private static async Task WriteSampleAsync(StorageEngine engine)
    {
        await engine.CreateIndexAsync("people", new BsonDocument { { "key", new BsonDocument("name", 1) }, { "name", "by_name" } });
        for (var i = 0; i < 50; i++) await engine.InsertAsync("people", new BsonDocument { { "_id", i }, { "name", "n" + i } });
        await engine.WriteAsync(writer =>
        {
            var collection = writer.Collection("test", "people")!;
            foreach (var stored in collection.Scan().ToList())
            {
                var document = stored.ToBsonDocument();
                if (document["_id"].AsInt32 % 2 == 0) writer.Delete(collection, stored.Id);
                else writer.Replace(collection, stored.Id, new BsonDocument { { "_id", document["_id"] }, { "name", "odd" + document["_id"] } });
            }
            return 0;
        });
    }

    private static void AssertSample(StorageEngine engine)
    {
        var all = engine.All("people");
        Assert.Equal(25, all.Count);
        Assert.All(all, document => Assert.Equal("odd" + document["_id"], document["name"].AsString));
        Assert.Equal(25, engine.Read(reader => reader.Collection("test", "people")!.FindIndex("by_name")!.EntryCount));
    }

    private static long[] RecordOffsets(byte[] journal)
    {
        var offsets = new List<long>();
        var offset = 0;
        while (offset < journal.Length)
        {
            offsets.Add(offset);
            offset += RecordFraming.HeaderSize + BitConverter.ToInt32(journal, offset);
        }
        return [.. offsets];
    }
}
