using MongoDB.Driver;
using NextLevel.Domain.Persistence;
using NextLevel.Domain.Persistence.Catalogue;
using NextLevel.EmbeddedMongo;

namespace NextLevel.Worker.Tests.Infrastructure;

/// <summary>An in-process embedded engine with one fresh database per fixture, the catalogue applied.</summary>
public sealed class EmbeddedDatabase : IAsyncLifetime
{
    private EmbeddedMongoServer? _server;

    public IMongoClient Client { get; private set; } = null!;

    public IMongoDatabase Database { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        DomainMongoMappings.Register();
        _server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions { Port = 0 });
        var name = "worker_" + Guid.NewGuid().ToString("N")[..12];
        ConnectionString = _server.ConnectionString + name;
        Client = new MongoClient(ConnectionString);
        Database = Client.GetDatabase(name);
        await new CatalogueMigrator(Database).ApplyAsync();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
