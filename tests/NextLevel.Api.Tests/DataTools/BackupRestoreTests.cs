using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Backup;
using NextLevel.Api.Seeding;
using NextLevel.Domain.Persistence;
using NextLevel.EmbeddedMongo;

namespace NextLevel.Api.Tests.DataTools;

public sealed class BackupRestoreTests : IAsyncLifetime, IDisposable
{
    private EmbeddedMongoServer _server = null!;
    private MongoClient _client = null!;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nextlevel-backup-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        DomainMongoMappings.Register();
        _server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions { Port = 0 });
        _client = new MongoClient(_server.ConnectionString);
    }

    public void Dispose() => _client.Dispose();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Backup_then_restore_into_an_empty_database_gives_identical_documents_indexes_and_validators()
    {
        var source = _client.GetDatabase("next_level_real_estate");
        await new DemoDataSeeder(source).RunAsync(new SeedOptions(200, 3, new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc)), null, default);
        var target = _client.GetDatabase("restored_" + Guid.NewGuid().ToString("N")[..8]);

        var backup = await new MongoDumpWriter(source).WriteAsync(_directory, null, default);
        var restore = await new MongoDumpReader(target).RestoreAsync(_directory, null, default);

        Assert.Equal(backup.DocumentsPerCollection, restore.DocumentsPerCollection);
        foreach (var name in backup.DocumentsPerCollection.Keys)
        {
            var expected = await source.GetCollection<BsonDocument>(name).Find(FilterDefinition<BsonDocument>.Empty).Sort("{ _id: 1 }").ToListAsync();
            var actual = await target.GetCollection<BsonDocument>(name).Find(FilterDefinition<BsonDocument>.Empty).Sort("{ _id: 1 }").ToListAsync();
            Assert.True(expected.SequenceEqual(actual), $"{name}: documents differ after restore");
            Assert.Equal(await IndexesOf(source, name), await IndexesOf(target, name));
            Assert.Equal(await OptionsOf(source, name), await OptionsOf(target, name));
        }
    }

    [Fact]
    public async Task Backup_uses_mongodumps_layout()
    {
        var source = _client.GetDatabase("layout_" + Guid.NewGuid().ToString("N")[..8]);
        await source.GetCollection<BsonDocument>("leads").InsertManyAsync([new BsonDocument("n", 1), new BsonDocument("n", 2)]);

        await new MongoDumpWriter(source).WriteAsync(_directory, null, default);

        var folder = Path.Combine(_directory, source.DatabaseNamespace.DatabaseName);
        var bson = await File.ReadAllBytesAsync(Path.Combine(folder, "leads.bson"));
        var first = BitConverter.ToInt32(bson, 0);
        Assert.Equal(bson.Length, first + BitConverter.ToInt32(bson, first)); // two BSON documents back to back
        var metadata = BsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "leads.metadata.json")));
        Assert.Equal("leads", metadata["collectionName"].AsString);
        Assert.Contains(metadata["indexes"].AsBsonArray, i => i["name"] == "_id_");
    }

    [Fact]
    public async Task Restore_into_a_database_with_data_is_refused_and_writes_nothing()
    {
        var source = _client.GetDatabase("src_" + Guid.NewGuid().ToString("N")[..8]);
        await source.GetCollection<BsonDocument>("leads").InsertOneAsync(new BsonDocument("n", 1));
        await new MongoDumpWriter(source).WriteAsync(_directory, null, default);
        var target = _client.GetDatabase(source.DatabaseNamespace.DatabaseName);

        await Assert.ThrowsAsync<InvalidOperationException>(() => new MongoDumpReader(target).RestoreAsync(_directory, null, default));

        Assert.Equal(1, await target.GetCollection<BsonDocument>("leads").CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty));
    }

    private static async Task<List<BsonDocument>> IndexesOf(IMongoDatabase database, string name) =>
        (await (await database.GetCollection<BsonDocument>(name).Indexes.ListAsync()).ToListAsync()).OrderBy(i => i["name"].AsString).ToList();

    private static async Task<BsonValue> OptionsOf(IMongoDatabase database, string name)
    {
        var info = await (await database.ListCollectionsAsync(new ListCollectionsOptions { Filter = new BsonDocument("name", name) })).FirstAsync();
        return info["options"];
    }
}
