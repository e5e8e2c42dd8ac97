using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Storage;
using NextLevel.EmbeddedMongo.Tests.Storage;

namespace NextLevel.EmbeddedMongo.Tests.Indexes;

public sealed class IndexBehaviourTests
{
    [Fact]
    public async Task Duplicate_id_reports_E11000_with_key_pattern_and_value()
    {
        await using var engine = await StorageTestSupport.OpenMemoryAsync();
        await engine.InsertAsync("users", new BsonDocument("_id", "a"));
        var error = await Assert.ThrowsAsync<MongoError>(() => engine.InsertAsync("users", new BsonDocument("_id", "a")));

        Assert.Equal(11000, error.Code);
        Assert.Equal("E11000 duplicate key error collection: test.users index: _id_ dup key: { _id: \"a\" }", error.Message);
        Assert.Equal(new BsonDocument("_id", 1), error.Extra!["keyPattern"]);
        Assert.Equal(new BsonDocument("_id", "a"), error.Extra["keyValue"]);
    }

    [Fact]
    public async Task Unique_index_rejects_duplicates_before_changing_anything()
    {
        await using var engine = await StorageTestSupport.OpenMemoryAsync();
        await engine.CreateIndexAsync("users", Spec("{ key: { email: 1 }, unique: true }"));
        await engine.InsertAsync("users", new BsonDocument { { "_id", 1 }, { "email", "a" } });
        var second = await engine.InsertAsync("users", new BsonDocument { { "_id", 2 }, { "email", "b" } });

        var insert = await Assert.ThrowsAsync<MongoError>(() => engine.InsertAsync("users", new BsonDocument { { "_id", 3 }, { "email", "a" } }));
        Assert.Equal("E11000 duplicate key error collection: test.users index: email_1 dup key: { email: \"a\" }", insert.Message);

        var replace = await Assert.ThrowsAsync<MongoError>(() => engine.WriteAsync(writer =>
        {
            writer.Replace(writer.Collection("test", "users")!, second, new BsonDocument { { "_id", 2 }, { "email", "a" } });
            return 0;
        }));
        Assert.Equal(11000, replace.Code);
        Assert.Equal(["a", "b"], engine.All("users").Select(document => document["email"].AsString));
        Assert.Equal(2, engine.Read(reader => reader.Collection("test", "users")!.FindIndex("email_1")!.EntryCount));
    }

    [Fact]
    public async Task Replace_may_keep_its_own_unique_key()
    {
        await using var engine = await StorageTestSupport.OpenMemoryAsync();
        await engine.CreateIndexAsync("users", Spec("{ key: { email: 1 }, unique: true }"));
        var id = await engine.InsertAsync("users", new BsonDocument { { "_id", 1 }, { "email", "a" } });
        await engine.WriteAsync(writer =>
        {
            writer.Replace(writer.Collection("test", "users")!, id, new BsonDocument { { "_id", 1 }, { "email", "a" }, { "x", 1 } });
            return 0;
        });
        Assert.Equal(1, engine.All("users").Single()["x"].AsInt32);
    }

    [Fact]
    public async Task Unique_index_treats_missing_fields_as_duplicate_nulls_unless_sparse()
    {
        await using var engine = await StorageTestSupport.OpenMemoryAsync();
        await engine.CreateIndexAsync("dense", Spec("{ key: { code: 1 }, unique: true }"));
        await engine.InsertAsync("dense", new BsonDocument("_id", 1));
        var error = await Assert.ThrowsAsync<MongoError>(() => engine.InsertAsync("dense", new BsonDocument("_id", 2)));
        Assert.Contains("dup key: { code: null }", error.Message, StringComparison.Ordinal);

        await engine.CreateIndexAsync("sparse", Spec("{ key: { code: 1 }, unique: true, sparse: true }"));
        await engine.InsertAsync("sparse", new BsonDocument("_id", 1));
        await engine.InsertAsync("sparse", new BsonDocument("_id", 2));
        Assert.Equal(0, engine.Read(reader => reader.Collection("test", "sparse")!.FindIndex("code_1")!.EntryCount));
    }

    [Fact]
    public async Task Building_unique_index_over_duplicates_fails_and_leaves_no_index()
    {
        await using var engine = await StorageTestSupport.OpenMemoryAsync();
        await engine.InsertAsync("users", new BsonDocument { { "_id", 1 }, { "email", "a" } });
        await engine.InsertAsync("users", new BsonDocument { { "_id", 2 }, { "email", "a" } });
        var error = await Assert.ThrowsAsync<MongoError>(() => engine.CreateIndexAsync("users", Spec("{ key: { email: 1 }, unique: true }")));
        Assert.Equal(11000, error.Code);
        Assert.Single(engine.Read(reader => reader.Collection("test", "users")!.Indexes));
    }

    [Fact]
    public async Task Multikey_index_has_one_entry_per_distinct_element()
    {
        await using var engine = await StorageTestSupport.OpenMemoryAsync();
        var index = await engine.CreateIndexAsync("posts", Spec("{ key: { tags: 1 } }"));
        await engine.InsertAsync("posts", BsonDocument.Parse("{ _id: 1, tags: ['a', 'b', 'a'] }"));
        await engine.InsertAsync("posts", BsonDocument.Parse("{ _id: 2, tags: [] }"));
        Assert.True(engine.Read(_ => index.IsMultikey));
        Assert.Equal(3, engine.Read(_ => index.EntryCount));
    }

    [Fact]
    public async Task Unique_multikey_index_rejects_a_shared_element()
    {
        await using var engine = await StorageTestSupport.OpenMemoryAsync();
        await engine.CreateIndexAsync("posts", Spec("{ key: { tags: 1 }, unique: true }"));
        await engine.InsertAsync("posts", BsonDocument.Parse("{ _id: 1, tags: ['a', 'b'] }"));
        var error = await Assert.ThrowsAsync<MongoError>(() => engine.InsertAsync("posts", BsonDocument.Parse("{ _id: 2, tags: ['c', 'b'] }")));
        Assert.Contains("dup key: { tags: \"b\" }", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parallel_arrays_in_a_compound_key_are_rejected()
    {
        await using var engine = await StorageTestSupport.OpenMemoryAsync();
        await engine.CreateIndexAsync("c", Spec("{ key: { a: 1, b: 1 } }"));
        await engine.InsertAsync("c", BsonDocument.Parse("{ _id: 1, a: [1, 2], b: 1 }"));
        var error = await Assert.ThrowsAsync<MongoError>(() => engine.InsertAsync("c", BsonDocument.Parse("{ _id: 2, a: [1, 2], b: [3, 4] }")));
        Assert.Equal(171, error.Code);
        Assert.Single(engine.All("c"));
    }

    [Fact]
    public async Task Dotted_paths_reach_into_arrays_of_documents()
    {
        await using var engine = await StorageTestSupport.OpenMemoryAsync();
        var index = await engine.CreateIndexAsync("c", Spec("{ key: { 'items.sku': 1, 'items.qty': 1 } }"));
        await engine.InsertAsync("c", BsonDocument.Parse("{ _id: 1, items: [{ sku: 'x', qty: 1 }, { sku: 'y', qty: 2 }] }"));
        // Both paths go through the same array, so this is not a parallel array; keys are the cartesian product.
        Assert.Equal(4, engine.Read(_ => index.EntryCount));
    }

    [Fact]
    public async Task Partial_index_holds_only_matching_documents()
    {
        await using var engine = await StorageTestSupport.OpenMemoryAsync();
        var index = await engine.CreateIndexAsync("c", Spec("{ key: { email: 1 }, unique: true, partialFilterExpression: { active: true } }"));
        await engine.InsertAsync("c", BsonDocument.Parse("{ _id: 1, email: 'a', active: true }"));
        await engine.InsertAsync("c", BsonDocument.Parse("{ _id: 2, email: 'a', active: false }"));
        await Assert.ThrowsAsync<MongoError>(() => engine.InsertAsync("c", BsonDocument.Parse("{ _id: 3, email: 'a', active: true }")));
        Assert.Equal(1, engine.Read(_ => index.EntryCount));
    }

    [Fact]
    public async Task Delete_and_replace_maintain_entries()
    {
        await using var engine = await StorageTestSupport.OpenMemoryAsync();
        var index = await engine.CreateIndexAsync("c", Spec("{ key: { tags: 1 } }"));
        var id = await engine.InsertAsync("c", BsonDocument.Parse("{ _id: 1, tags: ['a', 'b'] }"));
        await engine.WriteAsync(writer =>
        {
            writer.Replace(writer.Collection("test", "c")!, id, BsonDocument.Parse("{ _id: 1, tags: ['c'] }"));
            return 0;
        });
        Assert.Equal(1, engine.Read(_ => index.EntryCount));
        await engine.WriteAsync(writer =>
        {
            writer.Delete(writer.Collection("test", "c")!, id);
            return 0;
        });
        Assert.Equal(0, engine.Read(_ => index.EntryCount));
    }

    private static BsonDocument Spec(string json) => BsonDocument.Parse(json);
}
