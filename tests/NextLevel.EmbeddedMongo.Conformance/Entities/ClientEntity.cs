using MongoDB.Driver;

namespace NextLevel.EmbeddedMongo.Conformance.Entities;

/// <summary>A MongoClient created for a test; owned by the test's entity map.</summary>
public sealed class ClientEntity(MongoClient client) : IDisposable
{
    public IMongoClient Client => client;

    public void Dispose() => client.Dispose();
}
