using MongoDB.Bson;
using MongoDB.Driver;

namespace NextLevel.EmbeddedMongo.Tests.Commands;

public sealed class CollectionCommandTests(EmbeddedServerFixture fixture) : IClassFixture<EmbeddedServerFixture>
{
    private const string Database = "collection_command_tests";
    private readonly IMongoDatabase _database = fixture.Client.GetDatabase(Database);

    [Fact]
    public async Task Create_then_listCollections_shows_the_validator_options()
    {
        var validator = new BsonDocument("status", new BsonDocument("$type", "string"));
        await _database.CreateCollectionAsync("with_validator", new CreateCollectionOptions<BsonDocument>
        {
            Validator = validator,
            ValidationLevel = DocumentValidationLevel.Moderate,
        });

        var listed = await (await _database.ListCollectionsAsync(new ListCollectionsOptions { Filter = new BsonDocument("name", "with_validator") })).SingleAsync();

        Assert.Equal("collection", listed["type"].AsString);
        Assert.Equal(validator, listed["options"]["validator"]);
        Assert.Equal("moderate", listed["options"]["validationLevel"].AsString);
    }

    [Fact]
    public async Task Creating_an_existing_collection_with_other_options_fails_with_NamespaceExists()
    {
        await _database.CreateCollectionAsync("existing");

        var error = await Assert.ThrowsAsync<MongoCommandException>(() => _database.CreateCollectionAsync("existing",
            new CreateCollectionOptions<BsonDocument> { Validator = new BsonDocument("a", 1) }));

        Assert.Equal(48, error.Code);
    }

    [Fact]
    public async Task Capped_collections_are_refused_clearly()
    {
        var error = await Assert.ThrowsAsync<MongoCommandException>(() =>
            _database.CreateCollectionAsync("capped", new CreateCollectionOptions { Capped = true, MaxSize = 4096 }));

        Assert.Equal(238, error.Code);
    }

    [Fact]
    public async Task Drop_removes_the_collection_and_dropping_a_missing_one_succeeds()
    {
        await _database.GetCollection<BsonDocument>("dropped").InsertOneAsync(new BsonDocument());

        await _database.DropCollectionAsync("dropped");
        await _database.DropCollectionAsync("dropped");

        var names = await (await _database.ListCollectionNamesAsync()).ToListAsync();
        Assert.DoesNotContain("dropped", names);
    }

    [Fact]
    public async Task RenameCollection_moves_documents_and_honours_dropTarget()
    {
        await _database.GetCollection<BsonDocument>("rename_source").InsertOneAsync(new BsonDocument("_id", 1));
        await _database.GetCollection<BsonDocument>("rename_target").InsertOneAsync(new BsonDocument("_id", 2));

        var refused = await Assert.ThrowsAsync<MongoCommandException>(() => _database.RenameCollectionAsync("rename_source", "rename_target"));
        await _database.RenameCollectionAsync("rename_source", "rename_target", new RenameCollectionOptions { DropTarget = true });

        Assert.Equal(48, refused.Code);
        var moved = await _database.GetCollection<BsonDocument>("rename_target").Find(FilterDefinition<BsonDocument>.Empty).ToListAsync();
        Assert.Equal([new BsonDocument("_id", 1)], moved);
    }

    [Fact]
    public async Task Renaming_a_missing_collection_fails_with_NamespaceNotFound()
    {
        var error = await Assert.ThrowsAsync<MongoCommandException>(() => _database.RenameCollectionAsync("no_such_source", "anywhere"));

        Assert.Equal(26, error.Code);
    }

    [Fact]
    public async Task CollMod_changes_the_validator()
    {
        var collection = _database.GetCollection<BsonDocument>("collmod");
        await collection.InsertOneAsync(new BsonDocument("a", 1));

        await _database.RunCommandAsync<BsonDocument>(new BsonDocument { { "collMod", "collmod" }, { "validator", new BsonDocument("a", new BsonDocument("$exists", true)) } });

        var error = await Assert.ThrowsAsync<MongoWriteException>(() => collection.InsertOneAsync(new BsonDocument("b", 1)));
        Assert.Equal(121, error.WriteError.Code);
    }

    [Fact]
    public async Task CollMod_of_a_missing_collection_fails_with_NamespaceNotFound()
    {
        var error = await Assert.ThrowsAsync<MongoCommandException>(() =>
            _database.RunCommandAsync<BsonDocument>(new BsonDocument { { "collMod", "nope" }, { "validationLevel", "off" } }));

        Assert.Equal(26, error.Code);
    }

    [Fact]
    public async Task DropDatabase_removes_every_collection_and_listDatabases_follows()
    {
        var database = fixture.Client.GetDatabase("collection_command_tests_dropped");
        await database.GetCollection<BsonDocument>("a").InsertOneAsync(new BsonDocument());
        var before = await (await fixture.Client.ListDatabaseNamesAsync()).ToListAsync();

        await fixture.Client.DropDatabaseAsync("collection_command_tests_dropped");

        var after = await (await fixture.Client.ListDatabaseNamesAsync()).ToListAsync();
        Assert.Contains("collection_command_tests_dropped", before);
        Assert.DoesNotContain("collection_command_tests_dropped", after);
    }

    [Fact]
    public async Task ListDatabases_reports_sizes()
    {
        await _database.GetCollection<BsonDocument>("sized").InsertOneAsync(new BsonDocument("payload", new string('x', 100)));

        var databases = await (await fixture.Client.ListDatabasesAsync()).ToListAsync();
        var entry = databases.Single(d => d["name"] == Database);

        Assert.True(entry["sizeOnDisk"].ToInt64() > 100);
        Assert.False(entry["empty"].AsBoolean);
    }

    [Fact]
    public async Task CollStats_and_dbStats_count_documents_and_indexes()
    {
        var collection = _database.GetCollection<BsonDocument>("stats");
        await collection.InsertManyAsync(Enumerable.Range(0, 10).Select(i => new BsonDocument("i", i)));
        await collection.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(new BsonDocument("i", 1)));

        var collStats = await _database.RunCommandAsync<BsonDocument>(new BsonDocument("collStats", "stats"));
        var dbStats = await _database.RunCommandAsync<BsonDocument>(new BsonDocument("dbStats", 1));

        Assert.Equal(10, collStats["count"].ToInt64());
        Assert.Equal(2, collStats["nindexes"].ToInt32());
        Assert.True(collStats["indexSizes"].AsBsonDocument.Contains("i_1"));
        Assert.True(collStats["size"].ToInt64() > 0);
        Assert.True(dbStats["objects"].ToInt64() >= 10);
        Assert.Equal(Database, dbStats["db"].AsString);
    }

    [Fact]
    public async Task Unknown_commands_fail_with_CommandNotFound()
    {
        var error = await Assert.ThrowsAsync<MongoCommandException>(() => _database.RunCommandAsync<BsonDocument>(new BsonDocument("noSuchCommand", 1)));

        Assert.Equal(59, error.Code);
    }

    [Fact]
    public async Task ListCollections_batches_continue_through_getMore_and_can_be_killed()
    {
        var database = fixture.Client.GetDatabase("collection_command_tests_many");
        foreach (var name in Enumerable.Range(0, 7).Select(i => "c" + i)) await database.CreateCollectionAsync(name);

        var all = await (await database.ListCollectionsAsync(new ListCollectionsOptions { BatchSize = 2 })).ToListAsync();
        var reply = await database.RunCommandAsync<BsonDocument>(new BsonDocument { { "listCollections", 1 }, { "cursor", new BsonDocument("batchSize", 2) } });
        var killed = await database.RunCommandAsync<BsonDocument>(new BsonDocument
        {
            { "killCursors", "$cmd.listCollections" },
            { "cursors", new BsonArray { reply["cursor"]["id"] } },
        });

        Assert.Equal(7, all.Count);
        Assert.Single(killed["cursorsKilled"].AsBsonArray);
    }

    [Fact]
    public async Task Validate_recounts_index_keys_and_reports_a_valid_collection()
    {
        var collection = _database.GetCollection<BsonDocument>("validated_storage");
        await collection.InsertManyAsync(Enumerable.Range(0, 5).Select(i => new BsonDocument { { "_id", i }, { "tags", new BsonArray { "a", "b" } } }));
        await collection.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(new BsonDocument("tags", 1)));

        var reply = await _database.RunCommandAsync<BsonDocument>(new BsonDocument("validate", "validated_storage"));
        var missing = await Assert.ThrowsAsync<MongoCommandException>(() => _database.RunCommandAsync<BsonDocument>(new BsonDocument("validate", "nope")));

        Assert.True(reply["valid"].AsBoolean);
        Assert.Equal(5, reply["nrecords"].ToInt64());
        Assert.Equal(10, reply["keysPerIndex"]["tags_1"].ToInt64());
        Assert.Equal(26, missing.Code);
    }
}
