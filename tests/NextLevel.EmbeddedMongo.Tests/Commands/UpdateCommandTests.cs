using MongoDB.Bson;
using MongoDB.Driver;

namespace NextLevel.EmbeddedMongo.Tests.Commands;

public sealed class UpdateCommandTests(EmbeddedServerFixture fixture) : IClassFixture<EmbeddedServerFixture>
{
    private readonly IMongoDatabase _database = fixture.Client.GetDatabase("update_command_tests");

    private async Task<IMongoCollection<BsonDocument>> SeedAsync(string name, params BsonDocument[] documents)
    {
        var collection = _database.GetCollection<BsonDocument>(name);
        await collection.InsertManyAsync(documents);
        return collection;
    }

    [Fact]
    public async Task UpdateOne_changes_only_the_first_match_and_reports_counts()
    {
        var collection = await SeedAsync("update_one", new BsonDocument { { "_id", 1 }, { "s", "a" } }, new BsonDocument { { "_id", 2 }, { "s", "a" } });

        var result = await collection.UpdateOneAsync(new BsonDocument("s", "a"), new BsonDocument("$set", new BsonDocument("s", "b")));

        Assert.Equal(1, result.MatchedCount);
        Assert.Equal(1, result.ModifiedCount);
        Assert.Equal(1, await collection.EstimatedDocumentCountAsync() - (await collection.Find(new BsonDocument("s", "a")).ToListAsync()).Count);
    }

    [Fact]
    public async Task UpdateMany_changes_every_match_and_counts_unchanged_documents_as_matched_only()
    {
        var collection = await SeedAsync("update_many",
            new BsonDocument { { "_id", 1 }, { "n", 1 } }, new BsonDocument { { "_id", 2 }, { "n", 2 } }, new BsonDocument { { "_id", 3 }, { "n", 2 } });

        var result = await collection.UpdateManyAsync(FilterDefinition<BsonDocument>.Empty, new BsonDocument("$set", new BsonDocument("n", 2)));

        Assert.Equal(3, result.MatchedCount);
        Assert.Equal(1, result.ModifiedCount);
    }

    [Fact]
    public async Task Upsert_inserts_the_filter_equalities_with_the_update_and_reports_the_id()
    {
        var collection = _database.GetCollection<BsonDocument>("upsert");

        var result = await collection.UpdateOneAsync(
            new BsonDocument { { "source", "zillow" }, { "externalId", "Z-1" } },
            new BsonDocument { { "$set", new BsonDocument("status", "new") }, { "$setOnInsert", new BsonDocument("attempts", 0) } },
            new UpdateOptions { IsUpsert = true });

        Assert.Equal(0, result.MatchedCount);
        Assert.NotNull(result.UpsertedId);
        var stored = await collection.Find(new BsonDocument("_id", result.UpsertedId)).SingleAsync();
        Assert.Equal("zillow", stored["source"].AsString);
        Assert.Equal("Z-1", stored["externalId"].AsString);
        Assert.Equal("new", stored["status"].AsString);
        Assert.Equal(0, stored["attempts"].AsInt32);
    }

    [Fact]
    public async Task Upsert_of_an_existing_document_updates_it()
    {
        var collection = await SeedAsync("upsert_existing", new BsonDocument { { "_id", "k" }, { "n", 1 } });

        var result = await collection.UpdateOneAsync(new BsonDocument("_id", "k"), new BsonDocument("$inc", new BsonDocument("n", 1)), new UpdateOptions { IsUpsert = true });

        Assert.Null(result.UpsertedId);
        Assert.Equal(2, (await collection.Find(new BsonDocument("_id", "k")).SingleAsync())["n"].AsInt32);
    }

    [Fact]
    public async Task ReplaceOne_keeps_the_id_and_replaces_the_rest()
    {
        var collection = await SeedAsync("replace", new BsonDocument { { "_id", 1 }, { "a", 1 }, { "b", 2 } });

        await collection.ReplaceOneAsync(new BsonDocument("_id", 1), new BsonDocument("c", 3));

        var stored = await collection.Find(new BsonDocument("_id", 1)).SingleAsync();
        Assert.Equal(new BsonDocument { { "_id", 1 }, { "c", 3 } }, stored);
    }

    [Fact]
    public async Task Changing_the_id_is_refused_with_ImmutableField()
    {
        var collection = await SeedAsync("immutable", new BsonDocument { { "_id", 1 } });

        var error = await Assert.ThrowsAsync<MongoWriteException>(() => collection.ReplaceOneAsync(new BsonDocument("_id", 1), new BsonDocument("_id", 2)));
        Assert.Equal(66, error.WriteError.Code);
    }

    [Fact]
    public async Task Push_appends_to_an_embedded_array()
    {
        var collection = await SeedAsync("push", new BsonDocument { { "_id", 1 }, { "contactAttempts", new BsonArray() } });

        await collection.UpdateOneAsync(new BsonDocument("_id", 1),
            new BsonDocument("$push", new BsonDocument("contactAttempts", new BsonDocument("outcome", "answered"))));

        var stored = await collection.Find(new BsonDocument("_id", 1)).SingleAsync();
        Assert.Equal("answered", stored["contactAttempts"][0]["outcome"].AsString);
    }

    [Fact]
    public async Task Update_producing_an_invalid_document_fails_validation()
    {
        await _database.CreateCollectionAsync("validated_updates", new CreateCollectionOptions<BsonDocument>
        {
            Validator = new BsonDocument("score", new BsonDocument("$gte", 0)),
        });
        var collection = _database.GetCollection<BsonDocument>("validated_updates");
        await collection.InsertOneAsync(new BsonDocument { { "_id", 1 }, { "score", 1 } });

        var error = await Assert.ThrowsAsync<MongoWriteException>(() =>
            collection.UpdateOneAsync(new BsonDocument("_id", 1), new BsonDocument("$set", new BsonDocument("score", -1))));
        Assert.Equal(121, error.WriteError.Code);
    }

    [Fact]
    public async Task Moderate_validation_lets_already_invalid_documents_be_updated()
    {
        var collection = await SeedAsync("moderate", new BsonDocument { { "_id", 1 }, { "score", -5 } });
        await _database.RunCommandAsync<BsonDocument>(new BsonDocument
        {
            { "collMod", "moderate" },
            { "validator", new BsonDocument("score", new BsonDocument("$gte", 0)) },
            { "validationLevel", "moderate" },
        });

        var result = await collection.UpdateOneAsync(new BsonDocument("_id", 1), new BsonDocument("$set", new BsonDocument("score", -6)));
        Assert.Equal(1, result.ModifiedCount);
    }

    [Fact]
    public async Task Bulk_write_reports_indexes_and_counts_of_mixed_operations()
    {
        var collection = await SeedAsync("bulk", new BsonDocument { { "_id", 1 }, { "n", 0 } });
        var requests = new WriteModel<BsonDocument>[]
        {
            new InsertOneModel<BsonDocument>(new BsonDocument("_id", 2)),
            new UpdateOneModel<BsonDocument>(new BsonDocument("_id", 1), new BsonDocument("$inc", new BsonDocument("n", 1))),
            new InsertOneModel<BsonDocument>(new BsonDocument("_id", 1)),
            new DeleteOneModel<BsonDocument>(new BsonDocument("_id", 2)),
        };

        var ordered = await Assert.ThrowsAsync<MongoBulkWriteException<BsonDocument>>(() => collection.BulkWriteAsync(requests));
        Assert.Equal(2, ordered.WriteErrors.Single().Index);
        Assert.Equal(1, ordered.Result.InsertedCount);
        Assert.Equal(1, ordered.Result.ModifiedCount);
        Assert.Equal(0, ordered.Result.DeletedCount);
        Assert.Single(ordered.UnprocessedRequests);

        var unordered = await Assert.ThrowsAsync<MongoBulkWriteException<BsonDocument>>(
            () => collection.BulkWriteAsync(requests, new BulkWriteOptions { IsOrdered = false }));
        Assert.Equal([0, 2], unordered.WriteErrors.Select(e => e.Index).Order());
        Assert.Equal(1, unordered.Result.ModifiedCount);
        Assert.Equal(1, unordered.Result.DeletedCount);
    }

    [Fact]
    public async Task Array_filters_update_only_the_selected_elements()
    {
        var collection = await SeedAsync("array_filters", new BsonDocument { { "_id", 1 }, { "a", new BsonArray { 1, 5, 9 } } });

        await collection.UpdateOneAsync(new BsonDocument("_id", 1),
            new BsonDocument("$set", new BsonDocument("a.$[big]", 0)),
            new UpdateOptions { ArrayFilters = [new BsonDocumentArrayFilterDefinition<BsonDocument>(new BsonDocument("big", new BsonDocument("$gt", 4)))] });

        Assert.Equal(new BsonArray { 1, 0, 0 }, (await collection.Find(new BsonDocument("_id", 1)).SingleAsync())["a"]);
    }

    [Fact]
    public async Task Unknown_statement_field_fails_the_whole_command_before_writing()
    {
        var collection = await SeedAsync("unknown_field", new BsonDocument { { "_id", 1 }, { "n", 1 } });

        var error = await Assert.ThrowsAsync<MongoCommandException>(() => _database.RunCommandAsync<BsonDocument>(new BsonDocument
        {
            { "update", "unknown_field" },
            { "updates", new BsonArray { new BsonDocument { { "q", new BsonDocument() }, { "u", new BsonDocument("$set", new BsonDocument("n", 2)) }, { "sort", new BsonDocument("_id", 1) } } } },
        }));

        Assert.Equal(40415, error.Code);
        Assert.Equal(1, (await collection.Find(FilterDefinition<BsonDocument>.Empty).SingleAsync())["n"].AsInt32);
    }

    [Fact]
    public async Task Pipeline_update_computes_from_the_document()
    {
        var collection = await SeedAsync("pipeline_update", new BsonDocument { { "_id", 1 }, { "a", 2 }, { "b", 3 } });

        await collection.UpdateOneAsync(new BsonDocument("_id", 1),
            new BsonDocumentStagePipelineDefinition<BsonDocument, BsonDocument>([new BsonDocument("$set", new BsonDocument("sum", new BsonDocument("$add", new BsonArray { "$a", "$b" })))]));

        Assert.Equal(5, (await collection.Find(new BsonDocument("_id", 1)).SingleAsync())["sum"].ToInt32());
    }
}
