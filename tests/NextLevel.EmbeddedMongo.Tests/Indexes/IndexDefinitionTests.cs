using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Storage;

namespace NextLevel.EmbeddedMongo.Tests.Indexes;

public sealed class IndexDefinitionTests
{
    [Fact]
    public void Name_defaults_to_fields_and_directions()
    {
        var definition = IndexDefinition.FromSpec(new BsonDocument("key", new BsonDocument { { "status", 1 }, { "createdAt", -1 } }));
        Assert.Equal("status_1_createdAt_-1", definition.Name);
    }

    [Fact]
    public void Double_directions_are_named_like_integers()
    {
        var definition = IndexDefinition.FromSpec(new BsonDocument("key", new BsonDocument("a", 1.0)));
        Assert.Equal("a_1", definition.Name);
    }

    [Fact]
    public void Listing_shows_v2_key_name_and_options()
    {
        var definition = IndexDefinition.FromSpec(new BsonDocument
        {
            { "key", new BsonDocument("email", 1) },
            { "name", "email_unique" },
            { "unique", true },
            { "partialFilterExpression", new BsonDocument("active", true) },
        });
        Assert.Equal(new BsonDocument
        {
            { "v", 2 },
            { "key", new BsonDocument("email", 1) },
            { "name", "email_unique" },
            { "unique", true },
            { "partialFilterExpression", new BsonDocument("active", true) },
        }, definition.ToListIndexesDocument());
    }

    [Fact]
    public void Ttl_and_sparse_are_listed()
    {
        var definition = IndexDefinition.FromSpec(new BsonDocument { { "key", new BsonDocument("at", 1) }, { "expireAfterSeconds", 3600 }, { "sparse", true } });
        var listed = definition.ToListIndexesDocument();
        Assert.True(listed["sparse"].AsBoolean);
        Assert.Equal(3600, listed["expireAfterSeconds"].AsInt32);
    }

    [Fact]
    public void Text_index_is_listed_with_fts_key_and_weights()
    {
        var definition = IndexDefinition.FromSpec(new BsonDocument
        {
            { "key", new BsonDocument { { "title", "text" }, { "body", "text" } } },
            { "weights", new BsonDocument("title", 10) },
        });
        Assert.Equal("title_text_body_text", definition.Name);
        Assert.Equal(new BsonDocument
        {
            { "v", 2 },
            { "key", new BsonDocument { { "_fts", "text" }, { "_ftsx", 1 } } },
            { "name", "title_text_body_text" },
            { "weights", new BsonDocument { { "body", 1 }, { "title", 10 } } },
            { "default_language", "english" },
            { "language_override", "language" },
            { "textIndexVersion", 3 },
        }, definition.ToListIndexesDocument());
        Assert.Equal(10, definition.TextWeights!["title"]);
    }

    [Theory]
    [InlineData("{ key: {} }", 67)]
    [InlineData("{ key: { a: 0 } }", 67)]
    [InlineData("{ key: { a: 'bogus' } }", 67)]
    [InlineData("{ key: { a: true } }", 67)]
    [InlineData("{ key: { a: 1 }, foo: 1 }", 197)]
    [InlineData("{ key: { a: 1 }, expireAfterSeconds: -1 }", 67)]
    [InlineData("{ key: { a: 1 }, sparse: true, partialFilterExpression: { a: 1 } }", 2)]
    [InlineData("{ key: { _id: 1 }, name: '_id_', unique: true }", 197)]
    [InlineData("{ key: { a: 1 }, partialFilterExpression: { a: { $ne: 1 } } }", 67)]
    [InlineData("{ key: { a: 1 }, partialFilterExpression: { a: { $exists: false } } }", 67)]
    [InlineData("{ key: { a: 1 }, partialFilterExpression: { $nor: [{ a: 1 }] } }", 67)]
    public void Bad_specs_are_rejected(string spec, int code)
    {
        var error = Assert.Throws<MongoError>(() => IndexDefinition.FromSpec(BsonDocument.Parse(spec)));
        Assert.Equal(code, error.Code);
    }

    [Fact]
    public async Task Same_name_with_different_key_conflicts_with_code_86()
    {
        await using var engine = await StorageEngine.OpenAsync(new StorageOptions());
        await CreateAsync(engine, "{ key: { a: 1 }, name: 'x' }");
        var error = await Assert.ThrowsAsync<MongoError>(() => CreateAsync(engine, "{ key: { b: 1 }, name: 'x' }"));
        Assert.Equal(86, error.Code);
    }

    [Fact]
    public async Task Same_key_with_different_name_or_options_conflicts_with_code_85()
    {
        await using var engine = await StorageEngine.OpenAsync(new StorageOptions());
        await CreateAsync(engine, "{ key: { a: 1 } }");
        Assert.Equal(85, (await Assert.ThrowsAsync<MongoError>(() => CreateAsync(engine, "{ key: { a: 1 }, name: 'other' }"))).Code);
        Assert.Equal(85, (await Assert.ThrowsAsync<MongoError>(() => CreateAsync(engine, "{ key: { a: 1 }, unique: true }"))).Code);
    }

    [Fact]
    public async Task Identical_index_is_not_created_twice()
    {
        await using var engine = await StorageEngine.OpenAsync(new StorageOptions());
        await CreateAsync(engine, "{ key: { a: 1 } }");
        await CreateAsync(engine, "{ key: { a: 1 }, name: 'a_1' }");
        await CreateAsync(engine, "{ key: { _id: 1 }, name: '_id_' }");
        Assert.Equal(2, engine.Read(reader => reader.Collection("test", "c")!.Indexes.Count));
    }

    [Fact]
    public async Task Dropping_id_index_or_unknown_index_fails()
    {
        await using var engine = await StorageEngine.OpenAsync(new StorageOptions());
        await CreateAsync(engine, "{ key: { a: 1 } }");
        var idError = await Assert.ThrowsAsync<MongoError>(() => engine.WriteAsync(writer =>
        {
            writer.DropIndex(writer.Collection("test", "c")!, "_id_");
            return 0;
        }));
        Assert.Equal(72, idError.Code);
        var missing = await Assert.ThrowsAsync<MongoError>(() => engine.WriteAsync(writer =>
        {
            writer.DropIndex(writer.Collection("test", "c")!, "nope");
            return 0;
        }));
        Assert.Equal(27, missing.Code);
    }

    [Fact]
    public async Task Text_fields_are_exposed_for_the_query_layer()
    {
        await using var engine = await StorageEngine.OpenAsync(new StorageOptions());
        await CreateAsync(engine, "{ key: { title: 'text', 'address.city': 'text' }, weights: { title: 5 } }");
        var fields = engine.Read(reader => reader.Collection("test", "c")!.TextIndexFields);
        Assert.Equal(5, fields!["title"]);
        Assert.Equal(1, fields["address.city"]);
        var second = await Assert.ThrowsAsync<MongoError>(() => CreateAsync(engine, "{ key: { other: 'text' } }"));
        Assert.Equal(85, second.Code);
    }

    private static Task<IndexStore> CreateAsync(StorageEngine engine, string spec) =>
        engine.WriteAsync(writer => writer.CreateIndex(writer.GetOrCreateCollection("test", "c"), IndexDefinition.FromSpec(BsonDocument.Parse(spec))));
}
