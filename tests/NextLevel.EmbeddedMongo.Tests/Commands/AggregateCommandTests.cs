using MongoDB.Bson;
using MongoDB.Driver;

namespace NextLevel.EmbeddedMongo.Tests.Commands;

public sealed class AggregateCommandTests(EmbeddedServerFixture fixture) : IClassFixture<EmbeddedServerFixture>
{
    private const string Database = "aggregate_command_tests";
    private readonly IMongoDatabase _database = fixture.Client.GetDatabase(Database);

    private async Task<IMongoCollection<BsonDocument>> OrdersAsync(string name)
    {
        var collection = _database.GetCollection<BsonDocument>(name);
        await collection.InsertManyAsync(Enumerable.Range(1, 30).Select(i => new BsonDocument
        {
            { "_id", i },
            { "customer", "c" + (i % 3) },
            { "amount", i * 10 },
        }));
        return collection;
    }

    [Fact]
    public async Task Aggregate_groups_and_sorts()
    {
        var collection = await OrdersAsync("grouped");

        var totals = await collection.Aggregate<BsonDocument>(new BsonDocument[]
        {
            new("$group", new BsonDocument { { "_id", "$customer" }, { "total", new BsonDocument("$sum", "$amount") } }),
            new("$sort", new BsonDocument("_id", 1)),
        }).ToListAsync();

        Assert.Equal(["c0", "c1", "c2"], totals.Select(t => t["_id"].AsString));
        Assert.Equal(1650, totals[0]["total"].ToInt32());
    }

    [Fact]
    public async Task Aggregate_results_are_served_across_getMore_batches()
    {
        var collection = await OrdersAsync("batched");

        var results = await collection.Aggregate<BsonDocument>(
            new BsonDocument[] { new("$match", new BsonDocument("amount", new BsonDocument("$gt", 50))) },
            new AggregateOptions { BatchSize = 7 }).ToListAsync();

        Assert.Equal(25, results.Count);
    }

    [Fact]
    public async Task CountDocuments_runs_through_aggregate()
    {
        var collection = await OrdersAsync("counted");

        Assert.Equal(10, await collection.CountDocumentsAsync(new BsonDocument("customer", "c1")));
    }

    [Fact]
    public async Task Out_replaces_the_target_collection_and_keeps_its_indexes()
    {
        var collection = await OrdersAsync("out_source");
        var target = _database.GetCollection<BsonDocument>("out_target");
        await target.InsertOneAsync(new BsonDocument { { "_id", 999 }, { "stale", true } });
        await target.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(new BsonDocument("customer", 1)));

        await collection.Aggregate<BsonDocument>(new BsonDocument[]
        {
            new("$match", new BsonDocument("customer", "c2")),
            new("$out", "out_target"),
        }).ToListAsync();

        var written = await target.Find(FilterDefinition<BsonDocument>.Empty).ToListAsync();
        Assert.Equal(10, written.Count);
        Assert.DoesNotContain(written, d => d.Contains("stale"));
        var indexes = await (await target.Indexes.ListAsync()).ToListAsync();
        Assert.Contains(indexes, i => i["name"] == "customer_1");
        var names = await (await _database.ListCollectionNamesAsync()).ToListAsync();
        Assert.DoesNotContain(names, n => n.StartsWith("tmp.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Out_failing_on_a_duplicate_leaves_the_target_unchanged()
    {
        var collection = _database.GetCollection<BsonDocument>("out_dupes_source");
        await collection.InsertManyAsync([new BsonDocument { { "_id", 1 }, { "k", "x" } }, new BsonDocument { { "_id", 2 }, { "k", "x" } }]);
        var target = _database.GetCollection<BsonDocument>("out_dupes_target");
        await target.InsertOneAsync(new BsonDocument { { "_id", 1 }, { "k", "kept" } });
        await target.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(new BsonDocument("k", 1), new CreateIndexOptions { Unique = true }));

        var error = await Assert.ThrowsAsync<MongoCommandException>(() =>
            collection.Aggregate<BsonDocument>(new BsonDocument[] { new("$out", "out_dupes_target") }).ToListAsync());

        Assert.Equal(11000, error.Code);
        Assert.Equal("kept", (await target.Find(FilterDefinition<BsonDocument>.Empty).SingleAsync())["k"].AsString);
    }

    [Fact]
    public async Task Merge_updates_matching_documents_and_inserts_the_rest()
    {
        var collection = await OrdersAsync("merge_source");
        var target = _database.GetCollection<BsonDocument>("merge_target");
        await target.InsertOneAsync(new BsonDocument { { "_id", "c0" }, { "region", "north" } });

        await collection.Aggregate<BsonDocument>(new BsonDocument[]
        {
            new("$group", new BsonDocument { { "_id", "$customer" }, { "orders", new BsonDocument("$sum", 1) } }),
            new("$merge", new BsonDocument { { "into", "merge_target" }, { "whenMatched", "merge" }, { "whenNotMatched", "insert" } }),
        }).ToListAsync();

        var merged = await target.Find(FilterDefinition<BsonDocument>.Empty).Sort(new BsonDocument("_id", 1)).ToListAsync();
        Assert.Equal(3, merged.Count);
        Assert.Equal(new BsonDocument { { "_id", "c0" }, { "region", "north" }, { "orders", 10 } }, merged[0]);
    }

    [Fact]
    public async Task Merge_on_fields_without_a_unique_index_is_refused()
    {
        var collection = await OrdersAsync("merge_on_source");

        var error = await Assert.ThrowsAsync<MongoCommandException>(() => collection.Aggregate<BsonDocument>(new BsonDocument[]
        {
            new("$merge", new BsonDocument { { "into", "merge_on_target" }, { "on", "customer" } }),
        }).ToListAsync());

        Assert.Equal(51183, error.Code);
    }

    [Fact]
    public async Task Lookup_reads_another_collection()
    {
        var orders = await OrdersAsync("lookup_orders");
        var customers = _database.GetCollection<BsonDocument>("lookup_customers");
        await customers.InsertOneAsync(new BsonDocument { { "_id", "c1" }, { "name", "Ada" } });

        var joined = await orders.Aggregate<BsonDocument>(new BsonDocument[]
        {
            new("$match", new BsonDocument("_id", 1)),
            new("$lookup", new BsonDocument { { "from", "lookup_customers" }, { "localField", "customer" }, { "foreignField", "_id" }, { "as", "who" } }),
        }).SingleAsync();

        Assert.Equal("Ada", joined["who"][0]["name"].AsString);
    }

    [Fact]
    public async Task Database_level_aggregate_runs_documents_stage_and_refuses_collection_stages()
    {
        var reply = await fixture.RunCommandAsync(Database, new BsonDocument
        {
            { "aggregate", 1 },
            { "pipeline", new BsonArray { new BsonDocument("$documents", new BsonArray { new BsonDocument("x", 1), new BsonDocument("x", 2) }) } },
            { "cursor", new BsonDocument() },
        });
        var error = await Assert.ThrowsAsync<MongoCommandException>(() => fixture.RunCommandAsync(Database, new BsonDocument
        {
            { "aggregate", 1 },
            { "pipeline", new BsonArray { new BsonDocument("$match", new BsonDocument()) } },
            { "cursor", new BsonDocument() },
        }));

        Assert.Equal(2, reply["cursor"]["firstBatch"].AsBsonArray.Count);
        Assert.Equal(73, error.Code);
    }

    [Fact]
    public async Task Aggregate_without_cursor_option_is_refused()
    {
        var error = await Assert.ThrowsAsync<MongoCommandException>(() => fixture.RunCommandAsync(Database, new BsonDocument
        {
            { "aggregate", "anything" },
            { "pipeline", new BsonArray() },
        }));

        Assert.Equal(9, error.Code);
    }

    [Fact]
    public async Task Explain_of_aggregate_shows_the_index_used_by_the_leading_match()
    {
        var collection = await OrdersAsync("explained");
        await collection.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(new BsonDocument("customer", 1)));

        var explain = await fixture.RunCommandAsync(Database, new BsonDocument
        {
            { "explain", new BsonDocument
                {
                    { "aggregate", "explained" },
                    { "pipeline", new BsonArray { new BsonDocument("$match", new BsonDocument("customer", "c1")), new BsonDocument("$count", "n") } },
                    { "cursor", new BsonDocument() },
                }
            },
        });

        var cursorStage = explain["stages"][0]["$cursor"]["queryPlanner"]["winningPlan"];
        Assert.Equal("IXSCAN", cursorStage["inputStage"]["stage"].AsString);
        Assert.Equal("customer_1", cursorStage["inputStage"]["indexName"].AsString);
    }
}
