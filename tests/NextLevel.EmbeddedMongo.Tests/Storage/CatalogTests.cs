using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Storage;

namespace NextLevel.EmbeddedMongo.Tests.Storage;

public sealed class CatalogTests
{
    [Fact]
    public async Task Create_collection_lists_database_and_collection_with_id_index()
    {
        await using var engine = await StorageTestSupport.OpenMemoryAsync();
        await engine.WriteAsync(writer => writer.CreateCollection("shop", "orders", CollectionOptions.Default));

        Assert.Equal(["shop"], engine.Read(reader => reader.DatabaseNames));
        var indexes = engine.Read(reader => reader.Collection("shop", "orders")!.Indexes.Select(index => index.Definition.Name).ToArray());
        Assert.Equal(["_id_"], indexes);
    }

    [Fact]
    public async Task Create_existing_collection_fails_with_NamespaceExists()
    {
        await using var engine = await StorageTestSupport.OpenMemoryAsync();
        await engine.WriteAsync(writer => writer.CreateCollection("shop", "orders", CollectionOptions.Default));

        var error = await Assert.ThrowsAsync<MongoError>(() => engine.WriteAsync(writer => writer.CreateCollection("shop", "orders", CollectionOptions.Default)));
        Assert.Equal(48, error.Code);
        Assert.Equal("Collection shop.orders already exists.", error.Message);
    }

    [Theory]
    [InlineData("shop", "")]
    [InlineData("shop", "a$b")]
    [InlineData("shop", "a\0b")]
    [InlineData("", "orders")]
    [InlineData("sh.op", "orders")]
    [InlineData("sh$op", "orders")]
    public async Task Invalid_names_fail_with_InvalidNamespace(string database, string collection)
    {
        await using var engine = await StorageTestSupport.OpenMemoryAsync();
        var error = await Assert.ThrowsAsync<MongoError>(() => engine.WriteAsync(writer => writer.CreateCollection(database, collection, CollectionOptions.Default)));
        Assert.Equal(73, error.Code);
    }

    [Fact]
    public async Task Insert_generates_id_first_and_scan_returns_insertion_order()
    {
        await using var engine = await StorageTestSupport.OpenMemoryAsync();
        var withoutId = new BsonDocument("name", "a");
        await engine.InsertAsync("people", withoutId);
        await engine.InsertAsync("people", new BsonDocument { { "name", "b" }, { "_id", 2 } });

        var all = engine.All("people");
        Assert.Equal("_id", withoutId.GetElement(0).Name);
        Assert.Equal(withoutId["_id"], all[0]["_id"]);
        Assert.Equal("_id", all[1].GetElement(0).Name);
        Assert.Equal(["a", "b"], all.Select(document => document["name"].AsString));
    }

    [Fact]
    public async Task Array_id_is_rejected()
    {
        await using var engine = await StorageTestSupport.OpenMemoryAsync();
        var error = await Assert.ThrowsAsync<MongoError>(() => engine.InsertAsync("people", new BsonDocument("_id", new BsonArray { 1 })));
        Assert.Equal(53, error.Code);
        Assert.Empty(engine.All("people"));
    }

    [Fact]
    public async Task Replace_keeps_record_id_and_updates_data_size()
    {
        await using var engine = await StorageTestSupport.OpenMemoryAsync();
        var id = await engine.InsertAsync("people", new BsonDocument { { "_id", 1 }, { "name", "a" } });
        await engine.WriteAsync(writer =>
        {
            writer.Replace(writer.Collection("test", "people")!, id, new BsonDocument("name", "a much longer name"));
            return 0;
        });

        var (stored, dataSize) = engine.Read(reader =>
        {
            var collection = reader.Collection("test", "people")!;
            return (collection.Get(id)!.ToBsonDocument(), collection.DataSize);
        });
        Assert.Equal(new BsonDocument { { "_id", 1 }, { "name", "a much longer name" } }, stored);
        Assert.Equal(stored.ToBson().Length, dataSize);
    }

    [Fact]
    public async Task StoredDocument_gives_a_fresh_copy_each_time()
    {
        await using var engine = await StorageTestSupport.OpenMemoryAsync();
        await engine.InsertAsync("people", new BsonDocument { { "_id", 1 }, { "name", "a" } });
        engine.Read(reader =>
        {
            var stored = reader.Collection("test", "people")!.Scan().Single();
            stored.ToBsonDocument()["name"] = "changed";
            Assert.Equal("a", stored.ToBsonDocument()["name"].AsString);
            return 0;
        });
    }

    [Fact]
    public async Task Drop_collection_removes_empty_database()
    {
        await using var engine = await StorageTestSupport.OpenMemoryAsync();
        await engine.InsertAsync("people", new BsonDocument("_id", 1));

        Assert.True(await engine.WriteAsync(writer => writer.DropCollection("test", "people")));
        Assert.False(await engine.WriteAsync(writer => writer.DropCollection("test", "people")));
        Assert.Empty(engine.Read(reader => reader.DatabaseNames));
    }

    [Fact]
    public async Task Rename_moves_documents_and_indexes_and_respects_dropTarget()
    {
        await using var engine = await StorageTestSupport.OpenMemoryAsync();
        await engine.InsertAsync("a", new BsonDocument("_id", 1));
        await engine.CreateIndexAsync("a", new BsonDocument("key", new BsonDocument("x", 1)));
        await engine.InsertAsync("b", new BsonDocument("_id", 2));

        var error = await Assert.ThrowsAsync<MongoError>(() => engine.WriteAsync(writer =>
        {
            writer.RenameCollection("test", "a", "test", "b", dropTarget: false);
            return 0;
        }));
        Assert.Equal(48, error.Code);

        await engine.WriteAsync(writer =>
        {
            writer.RenameCollection("test", "a", "other", "b", dropTarget: true);
            return 0;
        });
        var renamed = engine.Read(reader => reader.Collection("other", "b")!);
        Assert.Equal(["_id_", "x_1"], engine.Read(_ => renamed.Indexes.Select(index => index.Definition.Name).ToArray()));
        Assert.Null(engine.Read(reader => reader.Collection("test", "a")));
        Assert.Equal(1, engine.Read(_ => renamed.Count));
    }

    [Fact]
    public async Task Rename_of_missing_collection_fails_with_NamespaceNotFound()
    {
        await using var engine = await StorageTestSupport.OpenMemoryAsync();
        var error = await Assert.ThrowsAsync<MongoError>(() => engine.WriteAsync(writer =>
        {
            writer.RenameCollection("test", "missing", "test", "other", dropTarget: false);
            return 0;
        }));
        Assert.Equal(26, error.Code);
    }

    [Fact]
    public async Task ListCollections_document_has_options_info_and_idIndex()
    {
        await using var engine = await StorageTestSupport.OpenMemoryAsync();
        var validator = new BsonDocument("age", new BsonDocument("$gte", 0));
        var listed = await engine.WriteAsync(writer =>
            writer.CreateCollection("test", "people", new CollectionOptions { Validator = validator, ValidationAction = "warn" }).ToListCollectionsDocument());

        Assert.Equal("people", listed["name"].AsString);
        Assert.Equal("collection", listed["type"].AsString);
        Assert.Equal(new BsonDocument { { "validator", validator }, { "validationLevel", "strict" }, { "validationAction", "warn" } }, listed["options"]);
        Assert.False(listed["info"]["readOnly"].AsBoolean);
        Assert.Equal(BsonBinarySubType.UuidStandard, listed["info"]["uuid"].AsBsonBinaryData.SubType);
        Assert.Equal(new BsonDocument { { "v", 2 }, { "key", new BsonDocument("_id", 1) }, { "name", "_id_" } }, listed["idIndex"]);
    }

    [Fact]
    public async Task Failed_write_callback_keeps_earlier_mutations()
    {
        await using var engine = await StorageTestSupport.OpenMemoryAsync();
        await Assert.ThrowsAsync<MongoError>(() => engine.WriteAsync(writer =>
        {
            var collection = writer.GetOrCreateCollection("test", "people");
            writer.Insert(collection, new BsonDocument("_id", 1));
            writer.Insert(collection, new BsonDocument("_id", 1));
            return 0;
        }));
        Assert.Single(engine.All("people"));
    }

    [Fact]
    public async Task Concurrent_writers_all_succeed()
    {
        await using var engine = await StorageTestSupport.OpenMemoryAsync();
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => engine.InsertAsync("people", new BsonDocument("_id", i)))));
        Assert.Equal(200, engine.Read(reader => reader.Collection("test", "people")!.Count));
    }

    [Fact]
    public async Task Deleting_while_scanning_inside_a_write_visits_every_document()
    {
        await using var engine = await StorageTestSupport.OpenMemoryAsync();
        await engine.WriteAsync(writer =>
        {
            var collection = writer.GetOrCreateCollection("test", "people");
            for (var i = 0; i < 2000; i++) writer.Insert(collection, new BsonDocument("_id", i));
            return 0;
        });

        var deleted = await engine.WriteAsync(writer =>
        {
            var collection = writer.Collection("test", "people")!;
            var count = 0;
            foreach (var stored in collection.Scan())
            {
                writer.Delete(collection, stored.Id);
                count++;
            }
            return count;
        });
        Assert.Equal(2000, deleted);
        Assert.Empty(engine.All("people"));
    }
}
