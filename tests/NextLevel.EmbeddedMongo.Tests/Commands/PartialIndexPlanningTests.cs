using MongoDB.Bson;
using MongoDB.Driver;

namespace NextLevel.EmbeddedMongo.Tests.Commands;

/// <summary>A partial index serves queries whose pinned values satisfy its filter, as MongoDB's subset rule allows.</summary>
public sealed class PartialIndexPlanningTests(EmbeddedServerFixture fixture) : IClassFixture<EmbeddedServerFixture>, IAsyncLifetime
{
    private const string Database = "partial_index_planning";
    private readonly IMongoCollection<BsonDocument> _contacts = fixture.Client.GetDatabase(Database).GetCollection<BsonDocument>("contacts");

    public async Task InitializeAsync()
    {
        if (await _contacts.EstimatedDocumentCountAsync() > 0) return;
        await _contacts.InsertManyAsync(Enumerable.Range(0, 300).Select(i => new BsonDocument
        {
            { "_id", i },
            { "phone", i % 10 == 0 ? BsonNull.Value : $"+1555{i:D7}" },
            { "score", i },
        }));
        await _contacts.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<BsonDocument>(new BsonDocument("phone", 1), new CreateIndexOptions<BsonDocument> { Unique = true, PartialFilterExpression = new BsonDocument("phone", new BsonDocument("$type", "string")) }),
            new CreateIndexModel<BsonDocument>(new BsonDocument("score", 1), new CreateIndexOptions<BsonDocument> { PartialFilterExpression = new BsonDocument("score", new BsonDocument("$gte", 100)) }),
        ]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("{ phone: '+15550000007' }", "phone_1")]
    [InlineData("{ phone: { $in: ['+15550000007', '+15550000008'] } }", "phone_1")]
    [InlineData("{ score: 150 }", "score_1")]
    [InlineData("{ score: 50 }", null)]
    [InlineData("{ phone: null }", null)]
    public async Task Partial_index_is_used_only_when_the_query_implies_its_filter(string filter, string? expectedIndex)
    {
        var explain = await fixture.RunCommandAsync(Database, new BsonDocument
        {
            { "explain", new BsonDocument { { "find", "contacts" }, { "filter", BsonDocument.Parse(filter) } } },
        });

        var stage = explain["queryPlanner"]["winningPlan"].AsBsonDocument;
        while (stage.Contains("inputStage")) stage = stage["inputStage"].AsBsonDocument;
        if (expectedIndex is null) Assert.Equal("COLLSCAN", stage["stage"].AsString);
        else Assert.Equal(expectedIndex, stage["indexName"].AsString);
    }

    [Fact]
    public async Task Results_through_a_partial_index_are_complete()
    {
        var found = await _contacts.Find(BsonDocument.Parse("{ score: { $in: [150, 50] } }")).ToListAsync();

        Assert.Equal([50, 150], found.Select(d => d["_id"].AsInt32).Order());
    }
}
