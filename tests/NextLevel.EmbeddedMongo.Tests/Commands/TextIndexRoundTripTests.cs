using MongoDB.Bson;
using MongoDB.Driver;

namespace NextLevel.EmbeddedMongo.Tests.Commands;

/// <summary>mongorestore (and our backup) recreate a text index from its listed form: <c>{ _fts: "text", _ftsx: 1 }</c> plus weights.</summary>
public class TextIndexRoundTripTests(EmbeddedServerFixture fixture) : IClassFixture<EmbeddedServerFixture>
{
    [Fact]
    public async Task A_text_index_created_from_its_listed_form_lists_the_same_as_the_original()
    {
        var database = fixture.Client.GetDatabase("text_roundtrip");
        var original = database.GetCollection<BsonDocument>("original");
        await original.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(
            new BsonDocument { { "title", "text" }, { "content", "text" } },
            new CreateIndexOptions { Name = "knowledge_text", Weights = new BsonDocument { { "title", 5 }, { "content", 1 } } }));
        var listed = (await (await original.Indexes.ListAsync()).ToListAsync()).Single(i => i["name"] == "knowledge_text");

        var spec = listed.DeepClone().AsBsonDocument;
        await fixture.RunCommandAsync("text_roundtrip", new BsonDocument { { "createIndexes", "copy" }, { "indexes", new BsonArray { spec } } });

        var copy = (await (await database.GetCollection<BsonDocument>("copy").Indexes.ListAsync()).ToListAsync()).Single(i => i["name"] == "knowledge_text");
        Assert.Equal(listed["key"], copy["key"]);
        Assert.Equal(listed["weights"], copy["weights"]);
        await database.GetCollection<BsonDocument>("copy").InsertOneAsync(new BsonDocument { { "title", "Motivated seller" }, { "content", "relocation" } });
        Assert.Equal(1, await database.GetCollection<BsonDocument>("copy").CountDocumentsAsync(new BsonDocument("$text", new BsonDocument("$search", "seller"))));
    }
}
