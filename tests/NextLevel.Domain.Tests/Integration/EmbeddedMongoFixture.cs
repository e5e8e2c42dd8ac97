using MongoDB.Driver;
using NextLevel.Domain.Persistence;
using NextLevel.EmbeddedMongo;

namespace NextLevel.Domain.Tests.Integration;

/// <summary>One in-memory embedded engine per test class; each test asks for a database of its own.</summary>
public sealed class EmbeddedMongoFixture : IAsyncLifetime
{
    private EmbeddedMongoServer? _server;

    public MongoClient Client { get; private set; } = null!;

    public IMongoDatabase NewDatabase() => Client.GetDatabase("t_" + Guid.NewGuid().ToString("N")[..12]);

    public async Task InitializeAsync()
    {
        DomainMongoMappings.Register();
        _server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions { Port = 0 });
        Client = new MongoClient(_server.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }
}
