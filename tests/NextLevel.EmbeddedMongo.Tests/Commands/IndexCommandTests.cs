using MongoDB.Bson;
using MongoDB.Driver;

namespace NextLevel.EmbeddedMongo.Tests.Commands;

public sealed class IndexCommandTests(EmbeddedServerFixture fixture) : IClassFixture<EmbeddedServerFixture>
{
    private const string Database = "index_command_tests";
    private readonly IMongoDatabase _database = fixture.Client.GetDatabase(Database);

    [Fact]
    public async Task CreateIndexes_reports_counts_and_notes_when_all_exist()
    {
        var spec = new BsonDocument { { "key", new BsonDocument("a", 1) }, { "name", "a_1" } };
        var command = new BsonDocument { { "createIndexes", "counts" }, { "indexes", new BsonArray { spec } } };

        var first = await _database.RunCommandAsync<BsonDocument>(command);
        var second = await _database.RunCommandAsync<BsonDocument>(command);

        Assert.Equal(1, first["numIndexesBefore"].ToInt32());
        Assert.Equal(2, first["numIndexesAfter"].ToInt32());
        Assert.True(first["createdCollectionAutomatically"].AsBoolean);
        Assert.Equal("all indexes already exist", second["note"].AsString);
    }

    [Fact]
    public async Task ListIndexes_shows_names_keys_and_options()
    {
        var collection = _database.GetCollection<BsonDocument>("listed");
        await collection.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<BsonDocument>(new BsonDocument { { "source", 1 }, { "externalId", 1 } }, new CreateIndexOptions { Unique = true }),
            new CreateIndexModel<BsonDocument>(new BsonDocument("receivedAt", -1)),
        ]);

        var indexes = await (await collection.Indexes.ListAsync()).ToListAsync();

        Assert.Equal(["_id_", "source_1_externalId_1", "receivedAt_-1"], indexes.Select(i => i["name"].AsString));
        Assert.True(indexes[1]["unique"].AsBoolean);
    }

    [Fact]
    public async Task ListIndexes_of_a_missing_collection_fails_with_NamespaceNotFound()
    {
        var error = await Assert.ThrowsAsync<MongoCommandException>(() =>
            _database.RunCommandAsync<BsonDocument>(new BsonDocument("listIndexes", "missing")));

        Assert.Equal(26, error.Code);
    }

    [Fact]
    public async Task Unique_index_violation_raises_duplicate_key_naming_the_index()
    {
        var collection = _database.GetCollection<BsonDocument>("unique");
        await collection.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(new BsonDocument("email", 1), new CreateIndexOptions { Unique = true }));
        await collection.InsertOneAsync(new BsonDocument("email", "a@example.com"));

        var error = await Assert.ThrowsAsync<MongoWriteException>(() => collection.InsertOneAsync(new BsonDocument("email", "a@example.com")));

        Assert.Equal(ServerErrorCategory.DuplicateKey, error.WriteError.Category);
        Assert.Contains("email_1", error.WriteError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DropIndexes_by_name_key_and_star_but_never_the_id_index()
    {
        var collection = _database.GetCollection<BsonDocument>("dropping");
        await collection.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<BsonDocument>(new BsonDocument("a", 1)),
            new CreateIndexModel<BsonDocument>(new BsonDocument("b", 1)),
            new CreateIndexModel<BsonDocument>(new BsonDocument("c", 1)),
        ]);

        await collection.Indexes.DropOneAsync("a_1");
        await _database.RunCommandAsync<BsonDocument>(new BsonDocument { { "dropIndexes", "dropping" }, { "index", new BsonDocument("b", 1) } });
        var idError = await Assert.ThrowsAsync<MongoCommandException>(() => collection.Indexes.DropOneAsync("_id_"));
        var missingError = await Assert.ThrowsAsync<MongoCommandException>(() => collection.Indexes.DropOneAsync("zzz_1"));
        await collection.Indexes.DropAllAsync();

        Assert.Equal(72, idError.Code);
        Assert.Equal(27, missingError.Code);
        var remaining = await (await collection.Indexes.ListAsync()).ToListAsync();
        Assert.Equal(["_id_"], remaining.Select(i => i["name"].AsString));
    }

    [Fact]
    public async Task Creating_a_unique_index_over_duplicates_fails()
    {
        var collection = _database.GetCollection<BsonDocument>("dupes");
        await collection.InsertManyAsync([new BsonDocument("k", 1), new BsonDocument("k", 1)]);

        var error = await Assert.ThrowsAsync<MongoCommandException>(() =>
            collection.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(new BsonDocument("k", 1), new CreateIndexOptions { Unique = true })));

        Assert.Equal(11000, error.Code);
    }

    [Fact]
    public async Task CollMod_changes_the_expiry_of_a_ttl_index()
    {
        var collection = _database.GetCollection<BsonDocument>("ttl");
        await collection.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(new BsonDocument("createdAt", 1),
            new CreateIndexOptions { ExpireAfter = TimeSpan.FromHours(1) }));

        var reply = await _database.RunCommandAsync<BsonDocument>(new BsonDocument
        {
            { "collMod", "ttl" },
            { "index", new BsonDocument { { "keyPattern", new BsonDocument("createdAt", 1) }, { "expireAfterSeconds", 60 } } },
        });

        Assert.Equal(3600, reply["expireAfterSeconds_old"].ToInt32());
        var index = (await (await collection.Indexes.ListAsync()).ToListAsync()).Single(i => i["name"] == "createdAt_1");
        Assert.Equal(60, index["expireAfterSeconds"].ToInt32());
    }
}
