using MongoDB.Bson;
using MongoDB.Driver;

namespace NextLevel.EmbeddedMongo.Tests.Commands;

public sealed class FindCommandTests(EmbeddedServerFixture fixture) : IClassFixture<EmbeddedServerFixture>
{
    private const string Database = "find_command_tests";
    private readonly IMongoDatabase _database = fixture.Client.GetDatabase(Database);

    private async Task<IMongoCollection<BsonDocument>> NumbersAsync(string name, int count)
    {
        var collection = _database.GetCollection<BsonDocument>(name);
        await collection.InsertManyAsync(Enumerable.Range(1, count).Select(i => new BsonDocument { { "_id", i }, { "n", i }, { "odd", i % 2 == 1 } }));
        return collection;
    }

    [Fact]
    public async Task Find_applies_filter_sort_skip_limit_and_projection()
    {
        var collection = await NumbersAsync("shaped", 10);

        var found = await collection.Find(new BsonDocument("odd", true))
            .Sort(new BsonDocument("n", -1)).Skip(1).Limit(2)
            .Project(new BsonDocument { { "n", 1 }, { "_id", 0 } })
            .ToListAsync();

        Assert.Equal([new BsonDocument("n", 7), new BsonDocument("n", 5)], found);
    }

    [Fact]
    public async Task Small_batches_are_served_across_getMore_until_exhausted()
    {
        var collection = await NumbersAsync("batched", 25);

        using var cursor = await collection.FindAsync(FilterDefinition<BsonDocument>.Empty, new FindOptions<BsonDocument> { BatchSize = 4, Sort = new BsonDocument("n", 1) });
        var batches = new List<int>();
        var values = new List<int>();
        while (await cursor.MoveNextAsync())
        {
            batches.Add(cursor.Current.Count());
            values.AddRange(cursor.Current.Select(d => d["n"].AsInt32));
        }

        Assert.Equal(Enumerable.Range(1, 25), values);
        Assert.Equal([4, 4, 4, 4, 4, 4, 1], batches);
        Assert.Equal(0, fixture.Server.Engine.Cursors.Snapshot().Count(c => c.Database == Database && c.Collection == "batched"));
    }

    [Fact]
    public async Task Limit_caps_the_results_across_batches()
    {
        var collection = await NumbersAsync("limited", 30);

        var found = await collection.Find(FilterDefinition<BsonDocument>.Empty, new FindOptions { BatchSize = 4 }).Limit(10).ToListAsync();

        Assert.Equal(10, found.Count);
    }

    [Fact]
    public async Task Default_first_batch_holds_101_documents()
    {
        await NumbersAsync("default_batch", 150);

        var reply = await fixture.RunCommandAsync(Database, new BsonDocument("find", "default_batch"));

        Assert.Equal(101, reply["cursor"]["firstBatch"].AsBsonArray.Count);
        Assert.NotEqual(0, reply["cursor"]["id"].ToInt64());
        await fixture.RunCommandAsync(Database, new BsonDocument { { "killCursors", "default_batch" }, { "cursors", new BsonArray { reply["cursor"]["id"] } } });
    }

    [Fact]
    public async Task Negative_limit_returns_a_single_batch_and_closes_the_cursor()
    {
        await NumbersAsync("single_batch", 20);

        var reply = await fixture.RunCommandAsync(Database, new BsonDocument { { "find", "single_batch" }, { "limit", -5 } });

        Assert.Equal(5, reply["cursor"]["firstBatch"].AsBsonArray.Count);
        Assert.Equal(0, reply["cursor"]["id"].ToInt64());
    }

    [Fact]
    public async Task KillCursors_reports_killed_and_unknown_cursors()
    {
        await NumbersAsync("killed", 10);
        var reply = await fixture.RunCommandAsync(Database, new BsonDocument { { "find", "killed" }, { "batchSize", 2 } });
        var id = reply["cursor"]["id"].ToInt64();

        var killed = await fixture.RunCommandAsync(Database, new BsonDocument { { "killCursors", "killed" }, { "cursors", new BsonArray { id, 12345L } } });

        Assert.Equal(new BsonArray { id }, killed["cursorsKilled"]);
        Assert.Equal(new BsonArray { 12345L }, killed["cursorsNotFound"]);
    }

    [Fact]
    public async Task GetMore_on_an_unknown_cursor_fails_with_CursorNotFound()
    {
        var error = await Assert.ThrowsAsync<MongoCommandException>(() =>
            fixture.RunCommandAsync(Database, new BsonDocument { { "getMore", 424242L }, { "collection", "anything" } }));

        Assert.Equal(43, error.Code);
    }

    [Fact]
    public async Task GetMore_for_another_namespace_is_refused()
    {
        await NumbersAsync("owned", 10);
        var reply = await fixture.RunCommandAsync(Database, new BsonDocument { { "find", "owned" }, { "batchSize", 2 } });

        var error = await Assert.ThrowsAsync<MongoCommandException>(() =>
            fixture.RunCommandAsync(Database, new BsonDocument { { "getMore", reply["cursor"]["id"] }, { "collection", "other" } }));

        Assert.Equal(13, error.Code);
    }

    [Fact]
    public async Task Find_on_a_missing_collection_returns_nothing()
    {
        var found = await _database.GetCollection<BsonDocument>("missing").Find(FilterDefinition<BsonDocument>.Empty).ToListAsync();

        Assert.Empty(found);
    }

    [Fact]
    public async Task Results_are_a_snapshot_unaffected_by_later_writes()
    {
        var collection = await NumbersAsync("snapshot", 10);
        using var cursor = await collection.FindAsync(FilterDefinition<BsonDocument>.Empty, new FindOptions<BsonDocument> { BatchSize = 2 });
        Assert.True(await cursor.MoveNextAsync());

        await collection.DeleteManyAsync(FilterDefinition<BsonDocument>.Empty);
        var rest = 0;
        while (await cursor.MoveNextAsync()) rest += cursor.Current.Count();

        Assert.Equal(8, rest);
    }

    [Fact]
    public async Task Invalid_filter_fails_with_BadValue()
    {
        var collection = await NumbersAsync("bad_filter", 1);

        var error = await Assert.ThrowsAsync<MongoCommandException>(() =>
            collection.Find(new BsonDocument("n", new BsonDocument("$bogus", 1))).ToListAsync());

        Assert.Equal(2, error.Code);
    }

    [Fact]
    public async Task Count_and_distinct_follow_the_query()
    {
        var collection = _database.GetCollection<BsonDocument>("distinct");
        await collection.InsertManyAsync(
        [
            new BsonDocument { { "tags", new BsonArray { "a", "b" } }, { "kind", 1 } },
            new BsonDocument { { "tags", "c" }, { "kind", 1 } },
            new BsonDocument { { "tags", new BsonArray { "b", "d" } }, { "kind", 2 } },
        ]);

        var values = await (await collection.DistinctAsync<string>("tags", new BsonDocument("kind", 1))).ToListAsync();
        var count = await fixture.RunCommandAsync(Database, new BsonDocument { { "count", "distinct" }, { "query", new BsonDocument("kind", 1) } });

        Assert.Equal(["a", "b", "c"], values);
        Assert.Equal(2, count["n"].ToInt32());
    }

    [Fact]
    public async Task Let_values_are_constant_expressions_usable_in_expr()
    {
        var collection = _database.GetCollection<BsonDocument>("let");
        await collection.InsertManyAsync([new BsonDocument { { "_id", 1 }, { "tag", "$special" } }, new BsonDocument { { "_id", 2 }, { "tag", "plain" } }]);

        var reply = await fixture.RunCommandAsync(Database, new BsonDocument
        {
            { "find", "let" },
            { "filter", new BsonDocument("$expr", new BsonDocument("$eq", new BsonArray { "$tag", "$$wanted" })) },
            { "let", new BsonDocument("wanted", new BsonDocument("$literal", "$special")) },
        });

        Assert.Equal(1, reply["cursor"]["firstBatch"].AsBsonArray.Single()["_id"].AsInt32);
    }
}
