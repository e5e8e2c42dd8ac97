using MongoDB.Bson;
using MongoDB.Driver;

namespace NextLevel.EmbeddedMongo.Tests.Commands;

public sealed class ExplainCommandTests(EmbeddedServerFixture fixture) : IClassFixture<EmbeddedServerFixture>, IAsyncLifetime
{
    private const string Database = "explain_command_tests";
    private readonly IMongoCollection<BsonDocument> _leads = fixture.Client.GetDatabase(Database).GetCollection<BsonDocument>("leads");

    public async Task InitializeAsync()
    {
        if (await _leads.EstimatedDocumentCountAsync() > 0) return;
        await _leads.InsertManyAsync(Enumerable.Range(0, 200).Select(i => new BsonDocument
        {
            { "_id", i },
            { "status", i % 4 == 0 ? "new" : "contacted" },
            { "score", i / 200.0 },
            { "note", "n" + i },
        }));
        await _leads.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<BsonDocument>(new BsonDocument("status", 1)),
            new CreateIndexModel<BsonDocument>(new BsonDocument("score", -1)),
        ]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<BsonDocument> ExplainFindAsync(BsonDocument filter, string verbosity = "queryPlanner") =>
        fixture.RunCommandAsync(Database, new BsonDocument
        {
            { "explain", new BsonDocument { { "find", "leads" }, { "filter", filter } } },
            { "verbosity", verbosity },
        });

    private static BsonDocument AccessStage(BsonDocument explain)
    {
        var stage = explain["queryPlanner"]["winningPlan"].AsBsonDocument;
        while (stage.Contains("inputStage")) stage = stage["inputStage"].AsBsonDocument;
        return stage;
    }

    [Fact]
    public async Task Indexed_equality_uses_an_index_scan()
    {
        var explain = await ExplainFindAsync(new BsonDocument("status", "new"));

        var stage = AccessStage(explain);
        Assert.Equal("IXSCAN", stage["stage"].AsString);
        Assert.Equal("status_1", stage["indexName"].AsString);
        Assert.Equal(new BsonArray { "[\"new\", \"new\"]" }, stage["indexBounds"]["status"]);
    }

    [Fact]
    public async Task Indexed_range_uses_an_index_scan_and_examines_only_the_range()
    {
        var explain = await ExplainFindAsync(new BsonDocument("score", new BsonDocument { { "$gte", 0.5 }, { "$lt", 0.6 } }), "executionStats");

        var stage = AccessStage(explain);
        Assert.Equal("IXSCAN", stage["stage"].AsString);
        Assert.Equal("score_-1", stage["indexName"].AsString);
        Assert.Equal(20, explain["executionStats"]["nReturned"].ToInt64());
        Assert.Equal(20, explain["executionStats"]["totalDocsExamined"].ToInt64());
    }

    [Fact]
    public async Task Unindexed_filter_uses_a_collection_scan()
    {
        var explain = await ExplainFindAsync(new BsonDocument("note", "n3"));

        Assert.Equal("COLLSCAN", AccessStage(explain)["stage"].AsString);
    }

    [Fact]
    public async Task Indexed_query_returns_the_same_documents_as_a_scan()
    {
        var filter = new BsonDocument { { "status", "new" }, { "score", new BsonDocument("$gt", 0.9) } };

        var indexed = await _leads.Find(filter).ToListAsync();
        var scanned = await _leads.Find(filter, new FindOptions { Hint = new BsonDocument("$natural", 1) }).ToListAsync();

        Assert.Equal(scanned.Select(d => d["_id"]).Order(), indexed.Select(d => d["_id"]).Order());
        Assert.Equal(4, indexed.Count);
    }

    [Fact]
    public async Task Hint_selects_the_named_index_and_an_unknown_hint_fails()
    {
        var explain = await fixture.RunCommandAsync(Database, new BsonDocument
        {
            { "explain", new BsonDocument { { "find", "leads" }, { "filter", new BsonDocument("note", "n1") }, { "hint", "status_1" } } },
        });
        var error = await Assert.ThrowsAsync<MongoCommandException>(() =>
            _leads.Find(FilterDefinition<BsonDocument>.Empty, new FindOptions { Hint = "missing_1" }).ToListAsync());

        Assert.Equal("status_1", AccessStage(explain)["indexName"].AsString);
        Assert.Equal(2, error.Code);
    }

    [Fact]
    public async Task Explain_of_count_shows_the_plan()
    {
        var explain = await fixture.RunCommandAsync(Database, new BsonDocument
        {
            { "explain", new BsonDocument { { "count", "leads" }, { "query", new BsonDocument("status", "contacted") } } },
            { "verbosity", "queryPlanner" },
        });

        Assert.Equal("IXSCAN", AccessStage(explain)["stage"].AsString);
    }
}
