using MongoDB.Bson;
using MongoDB.Driver;

namespace NextLevel.EmbeddedMongo.Tests.Commands;

/// <summary>An in-memory EmbeddedMongoServer on a free port with a connected driver client, one per test class.</summary>
public sealed class EmbeddedServerFixture : IAsyncLifetime
{
    private EmbeddedMongoServer? _server;

    public EmbeddedMongoServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public MongoClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions { Port = 0 });
        Client = new MongoClient(_server.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }

    /// <summary>Runs a raw command and returns the reply (driver exceptions surface as they would in an application).</summary>
    public Task<BsonDocument> RunCommandAsync(string database, BsonDocument command) =>
        Client.GetDatabase(database).RunCommandAsync<BsonDocument>(command);
}
