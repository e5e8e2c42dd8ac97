using MongoDB.Bson;
using MongoDB.Driver;

namespace NextLevel.EmbeddedMongo.Tests.Commands;

public sealed class FindAndModifyCommandTests(EmbeddedServerFixture fixture) : IClassFixture<EmbeddedServerFixture>
{
    private readonly IMongoDatabase _database = fixture.Client.GetDatabase("find_and_modify_tests");

    [Fact]
    public async Task FindOneAndUpdate_returns_the_document_before_or_after_as_asked()
    {
        var collection = _database.GetCollection<BsonDocument>("before_after");
        await collection.InsertOneAsync(new BsonDocument { { "_id", 1 }, { "n", 1 } });
        var inc = new BsonDocument("$inc", new BsonDocument("n", 1));

        var before = await collection.FindOneAndUpdateAsync(new BsonDocument("_id", 1), inc);
        var after = await collection.FindOneAndUpdateAsync(new BsonDocument("_id", 1), inc,
            new FindOneAndUpdateOptions<BsonDocument> { ReturnDocument = ReturnDocument.After });

        Assert.Equal(1, before["n"].AsInt32);
        Assert.Equal(3, after["n"].AsInt32);
    }

    [Fact]
    public async Task FindOneAndUpdate_takes_the_first_document_in_sort_order_and_projects_it()
    {
        var collection = _database.GetCollection<BsonDocument>("sorted");
        await collection.InsertManyAsync(new[] { 3, 1, 2 }.Select(i => new BsonDocument { { "_id", i }, { "state", "queued" }, { "payload", "x" } }));

        var claimed = await collection.FindOneAndUpdateAsync(
            new BsonDocument("state", "queued"),
            new BsonDocument("$set", new BsonDocument("state", "taken")),
            new FindOneAndUpdateOptions<BsonDocument> { Sort = new BsonDocument("_id", 1), Projection = new BsonDocument("state", 1), ReturnDocument = ReturnDocument.After });

        Assert.Equal(new BsonDocument { { "_id", 1 }, { "state", "taken" } }, claimed);
    }

    [Fact]
    public async Task FindOneAndUpdate_with_upsert_inserts_and_returns_the_new_document()
    {
        var collection = _database.GetCollection<BsonDocument>("upserted");

        var created = await collection.FindOneAndUpdateAsync(
            new BsonDocument("key", "k1"),
            new BsonDocument("$set", new BsonDocument("value", 1)),
            new FindOneAndUpdateOptions<BsonDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After });

        Assert.Equal("k1", created["key"].AsString);
        Assert.Equal(1, created["value"].AsInt32);
        Assert.Equal(BsonType.ObjectId, created["_id"].BsonType);
    }

    [Fact]
    public async Task FindOneAndDelete_and_FindOneAndReplace_act_on_one_document()
    {
        var collection = _database.GetCollection<BsonDocument>("delete_replace");
        await collection.InsertManyAsync([new BsonDocument { { "_id", 1 }, { "v", "a" } }, new BsonDocument { { "_id", 2 }, { "v", "b" } }]);

        var deleted = await collection.FindOneAndDeleteAsync(new BsonDocument("_id", 1));
        var replaced = await collection.FindOneAndReplaceAsync(new BsonDocument("_id", 2), new BsonDocument("v", "c"),
            new FindOneAndReplaceOptions<BsonDocument> { ReturnDocument = ReturnDocument.After });
        var missing = await collection.FindOneAndDeleteAsync(new BsonDocument("_id", 99));

        Assert.Equal("a", deleted["v"].AsString);
        Assert.Equal(new BsonDocument { { "_id", 2 }, { "v", "c" } }, replaced);
        Assert.Null(missing);
    }

    [Fact]
    public async Task Both_update_and_remove_is_refused()
    {
        var error = await Assert.ThrowsAsync<MongoCommandException>(() => fixture.RunCommandAsync("find_and_modify_tests", new BsonDocument
        {
            { "findAndModify", "refused" },
            { "remove", true },
            { "update", new BsonDocument("$set", new BsonDocument("a", 1)) },
        }));

        Assert.Equal(9, error.Code);
    }

    [Fact]
    public async Task Concurrent_claims_of_one_document_have_exactly_one_winner()
    {
        var collection = _database.GetCollection<BsonDocument>("claims");
        for (var round = 0; round < 50; round++)
        {
            await collection.InsertOneAsync(new BsonDocument { { "_id", round }, { "claimedBy", BsonNull.Value } });
            var roundId = round;
            var claims = Enumerable.Range(0, 16).Select(worker => Task.Run(() => collection.FindOneAndUpdateAsync(
                new BsonDocument { { "_id", roundId }, { "claimedBy", BsonNull.Value } },
                new BsonDocument("$set", new BsonDocument("claimedBy", worker)),
                new FindOneAndUpdateOptions<BsonDocument> { ReturnDocument = ReturnDocument.After })));

            var results = await Task.WhenAll(claims);

            var winners = results.Where(r => r is not null).ToList();
            Assert.Single(winners);
            var stored = await collection.Find(new BsonDocument("_id", roundId)).SingleAsync();
            Assert.Equal(winners[0]["claimedBy"], stored["claimedBy"]);
        }
    }

    [Fact]
    public async Task Update_breaking_the_validator_fails_the_command_with_121()
    {
        await _database.CreateCollectionAsync("validated", new CreateCollectionOptions<BsonDocument>
        {
            Validator = new BsonDocument("status", new BsonDocument("$in", new BsonArray { "new", "contacted" })),
        });
        var collection = _database.GetCollection<BsonDocument>("validated");
        await collection.InsertOneAsync(new BsonDocument { { "_id", 1 }, { "status", "new" } });

        var error = await Assert.ThrowsAsync<MongoCommandException>(() => collection.FindOneAndUpdateAsync(
            new BsonDocument("_id", 1), new BsonDocument("$set", new BsonDocument("status", "bogus"))));

        Assert.Equal(121, error.Code);
        Assert.Equal("new", (await collection.Find(new BsonDocument("_id", 1)).SingleAsync())["status"].AsString);
    }
}
