using MongoDB.Bson;
using MongoDB.Driver;

namespace NextLevel.EmbeddedMongo.Tests.Commands;

public sealed class InsertCommandTests(EmbeddedServerFixture fixture) : IClassFixture<EmbeddedServerFixture>
{
    private readonly IMongoDatabase _database = fixture.Client.GetDatabase("insert_command_tests");

    [Fact]
    public async Task Insert_without_id_generates_an_ObjectId_as_first_field()
    {
        var collection = _database.GetCollection<BsonDocument>("generated_ids");
        await collection.Database.RunCommandAsync<BsonDocument>(new BsonDocument
        {
            { "insert", "generated_ids" },
            { "documents", new BsonArray { new BsonDocument { { "name", "a" } } } },
        });

        var stored = await collection.Find(FilterDefinition<BsonDocument>.Empty).SingleAsync();
        Assert.Equal("_id", stored.GetElement(0).Name);
        Assert.Equal(BsonType.ObjectId, stored["_id"].BsonType);
        Assert.Equal("a", stored["name"].AsString);
    }

    [Fact]
    public async Task Insert_moves_an_existing_id_to_the_front()
    {
        var collection = _database.GetCollection<BsonDocument>("id_order");
        await collection.InsertOneAsync(new BsonDocument { { "name", "b" }, { "_id", 7 } });

        var stored = await collection.Find(new BsonDocument("_id", 7)).SingleAsync();
        Assert.Equal("_id", stored.GetElement(0).Name);
    }

    [Fact]
    public async Task Duplicate_id_raises_a_duplicate_key_write_exception()
    {
        var collection = _database.GetCollection<BsonDocument>("duplicates");
        await collection.InsertOneAsync(new BsonDocument("_id", 1));

        var error = await Assert.ThrowsAsync<MongoWriteException>(() => collection.InsertOneAsync(new BsonDocument("_id", 1)));
        Assert.Equal(ServerErrorCategory.DuplicateKey, error.WriteError.Category);
        Assert.Equal(11000, error.WriteError.Code);
    }

    [Fact]
    public async Task Duplicate_key_write_error_carries_keyPattern_and_keyValue()
    {
        var reply = await _database.RunCommandAsync<BsonDocument>(new BsonDocument
        {
            { "insert", "duplicate_details" },
            { "documents", new BsonArray { new BsonDocument("_id", "x"), new BsonDocument("_id", "x") } },
        });

        var writeError = reply["writeErrors"][0].AsBsonDocument;
        Assert.Equal(1, reply["n"].ToInt32());
        Assert.Equal(1, writeError["index"].ToInt32());
        Assert.Equal(new BsonDocument("_id", 1), writeError["keyPattern"]);
        Assert.Equal(new BsonDocument("_id", "x"), writeError["keyValue"]);
    }

    [Fact]
    public async Task Array_id_is_refused_with_InvalidIdField()
    {
        var collection = _database.GetCollection<BsonDocument>("array_ids");

        var error = await Assert.ThrowsAsync<MongoWriteException>(() => collection.InsertOneAsync(new BsonDocument("_id", new BsonArray { 1, 2 })));
        Assert.Equal(53, error.WriteError.Code);
    }

    [Fact]
    public async Task Ordered_insert_many_stops_at_the_first_error()
    {
        var collection = _database.GetCollection<BsonDocument>("ordered");
        var documents = new[] { 1, 2, 2, 3 }.Select(i => new BsonDocument("_id", i));

        var error = await Assert.ThrowsAsync<MongoBulkWriteException<BsonDocument>>(() => collection.InsertManyAsync(documents));
        Assert.Equal(2, error.WriteErrors.Single().Index);
        Assert.Equal(2, error.Result.InsertedCount);
        Assert.Equal(2, await collection.EstimatedDocumentCountAsync());
    }

    [Fact]
    public async Task Unordered_insert_many_reports_every_error_and_inserts_the_rest()
    {
        var collection = _database.GetCollection<BsonDocument>("unordered");
        var documents = new[] { 1, 1, 2, 2, 3 }.Select(i => new BsonDocument("_id", i));

        var error = await Assert.ThrowsAsync<MongoBulkWriteException<BsonDocument>>(
            () => collection.InsertManyAsync(documents, new InsertManyOptions { IsOrdered = false }));
        Assert.Equal([1, 3], error.WriteErrors.Select(e => e.Index));
        Assert.All(error.WriteErrors, e => Assert.Equal(ServerErrorCategory.DuplicateKey, e.Category));
        Assert.Equal(3, await collection.EstimatedDocumentCountAsync());
    }

    [Fact]
    public async Task Document_failing_the_validator_is_refused_with_code_121()
    {
        await _database.CreateCollectionAsync("validated", new CreateCollectionOptions<BsonDocument>
        {
            Validator = new BsonDocument("status", new BsonDocument("$in", new BsonArray { "new", "active" })),
        });
        var collection = _database.GetCollection<BsonDocument>("validated");
        await collection.InsertOneAsync(new BsonDocument("status", "new"));

        var error = await Assert.ThrowsAsync<MongoWriteException>(() => collection.InsertOneAsync(new BsonDocument("status", "bogus")));
        Assert.Equal(121, error.WriteError.Code);
        Assert.Equal(ServerErrorCategory.Uncategorized, error.WriteError.Category);
        Assert.True(error.WriteError.Details.Contains("failingDocumentId"));
    }

    [Fact]
    public async Task Validation_action_warn_lets_invalid_documents_through()
    {
        await _database.CreateCollectionAsync("warned", new CreateCollectionOptions<BsonDocument>
        {
            Validator = new BsonDocument("status", new BsonDocument("$exists", true)),
            ValidationAction = DocumentValidationAction.Warn,
        });
        var collection = _database.GetCollection<BsonDocument>("warned");

        await collection.InsertOneAsync(new BsonDocument("other", 1));
        Assert.Equal(1, await collection.EstimatedDocumentCountAsync());
    }

    [Fact]
    public async Task Bypass_document_validation_skips_the_validator()
    {
        await _database.CreateCollectionAsync("bypassed", new CreateCollectionOptions<BsonDocument>
        {
            Validator = new BsonDocument("status", new BsonDocument("$exists", true)),
        });
        var collection = _database.GetCollection<BsonDocument>("bypassed");

        await collection.InsertOneAsync(new BsonDocument("other", 1), new InsertOneOptions { BypassDocumentValidation = true });
        Assert.Equal(1, await collection.EstimatedDocumentCountAsync());
    }
}
