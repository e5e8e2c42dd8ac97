using MongoDB.Bson;
using MongoDB.Driver;

namespace NextLevel.EmbeddedMongo.Tests.Commands;

public sealed class DeleteCommandTests(EmbeddedServerFixture fixture) : IClassFixture<EmbeddedServerFixture>
{
    private readonly IMongoDatabase _database = fixture.Client.GetDatabase("delete_command_tests");

    [Fact]
    public async Task DeleteOne_removes_a_single_match_and_DeleteMany_the_rest()
    {
        var collection = _database.GetCollection<BsonDocument>("deletes");
        await collection.InsertManyAsync(Enumerable.Range(1, 5).Select(i => new BsonDocument { { "_id", i }, { "even", i % 2 == 0 } }));

        var one = await collection.DeleteOneAsync(new BsonDocument("even", false));
        var many = await collection.DeleteManyAsync(new BsonDocument("even", false));

        Assert.Equal(1, one.DeletedCount);
        Assert.Equal(2, many.DeletedCount);
        Assert.Equal(2, await collection.EstimatedDocumentCountAsync());
    }

    [Fact]
    public async Task Delete_on_a_missing_collection_deletes_nothing()
    {
        var result = await _database.GetCollection<BsonDocument>("never_created").DeleteManyAsync(FilterDefinition<BsonDocument>.Empty);

        Assert.Equal(0, result.DeletedCount);
    }

    [Fact]
    public async Task Delete_with_an_unknown_hint_fails_the_statement()
    {
        var collection = _database.GetCollection<BsonDocument>("hinted");
        await collection.InsertOneAsync(new BsonDocument("_id", 1));

        var error = await Assert.ThrowsAsync<MongoWriteException>(() =>
            collection.DeleteOneAsync(new BsonDocument("_id", 1), new DeleteOptions { Hint = "no_such_index" }));
        Assert.Equal(2, error.WriteError.Code);
    }
}
