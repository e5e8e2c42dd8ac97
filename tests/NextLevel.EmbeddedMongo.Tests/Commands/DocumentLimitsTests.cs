using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Storage;

namespace NextLevel.EmbeddedMongo.Tests.Commands;

/// <summary>Limits the driver would stop client-side, checked on the engine directly.</summary>
public sealed class DocumentLimitsTests : IAsyncLifetime
{
    private static readonly CommandContext Context = new()
    {
        Database = "limits",
        Connection = new ClientConnectionInfo { Id = 1, RemoteEndPoint = "127.0.0.1:1" },
    };

    private StorageEngine _storage = null!;
    private MongoEngine _engine = null!;

    public async Task InitializeAsync()
    {
        _storage = await StorageEngine.OpenAsync(new StorageOptions());
        _engine = new MongoEngine(_storage, TimeProvider.System);
    }

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    private static BsonDocument Large(int megabytes) => new() { { "_id", 1 }, { "payload", new string('x', megabytes * 1024 * 1024) } };

    [Fact]
    public async Task Inserting_a_document_over_16_MiB_is_a_BSONObjectTooLarge_write_error()
    {
        var reply = await _engine.ExecuteAsync(new BsonDocument { { "insert", "big" }, { "documents", new BsonArray { Large(17) } } }, Context, default);

        Assert.Equal(0, reply["n"].ToInt32());
        Assert.Equal(10334, reply["writeErrors"][0]["code"].ToInt32());
    }

    [Fact]
    public async Task Update_growing_a_document_over_16_MiB_is_refused_and_leaves_it_unchanged()
    {
        await _engine.ExecuteAsync(new BsonDocument { { "insert", "grow" }, { "documents", new BsonArray { Large(9) } } }, Context, default);

        var reply = await _engine.ExecuteAsync(new BsonDocument
        {
            { "update", "grow" },
            { "updates", new BsonArray { new BsonDocument { { "q", new BsonDocument("_id", 1) }, { "u", new BsonDocument("$set", new BsonDocument("more", new string('y', 8 * 1024 * 1024))) } } } },
        }, Context, default);

        Assert.Equal(10334, reply["writeErrors"][0]["code"].ToInt32());
        var found = await _engine.ExecuteAsync(new BsonDocument { { "find", "grow" }, { "projection", new BsonDocument("more", 1) } }, Context, default);
        Assert.False(found["cursor"]["firstBatch"][0].AsBsonDocument.Contains("more"));
    }

    [Fact]
    public async Task Malformed_arguments_are_reported_as_errors_not_crashes()
    {
        var reply = await _engine.ExecuteAsync(new BsonDocument { { "find", "x" }, { "limit", "ten" } }, Context, default);

        Assert.Equal(0.0, reply["ok"].ToDouble());
        Assert.Equal(14, reply["code"].ToInt32());
    }
}
