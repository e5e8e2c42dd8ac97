using MongoDB.Driver;
using NextLevel.Domain.Persistence;
using NextLevel.Domain.Persistence.Catalogue;
using NextLevel.EmbeddedMongo;

namespace NextLevel.Worker.Tests.Infrastructure;

/// <summary>An in-process embedded engine per test class; each test takes a fresh database with the catalogue applied.</summary>
public sealed class EmbeddedDatabase : IAsyncLifetime
{
    private EmbeddedMongoServer? _server;

    public IMongoClient Client { get; private set; } = null!;

    public string ConnectionString => _server!.ConnectionString;

    public async Task InitializeAsync()
    {
        DomainMongoMappings.Register();
        _server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions { Port = 0 });
        Client = new MongoClient(_server.ConnectionString);
    }

    /// <summary>A new, empty database with the twelve collections, their indexes and validators.</summary>
    public async Task<IMongoDatabase> NewDatabaseAsync()
    {
        var database = Client.GetDatabase("worker_" + Guid.NewGuid().ToString("N")[..12]);
        await new CatalogueMigrator(database).ApplyAsync();
        return database;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
