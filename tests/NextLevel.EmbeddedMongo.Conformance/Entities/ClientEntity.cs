using MongoDB.Driver;

namespace NextLevel.EmbeddedMongo.Conformance.Entities;

/// <summary>A MongoClient created for a test; owned by the test's entity map.</summary>
public sealed class ClientEntity(MongoClient client, CommandEventRecorder? events) : IDisposable
{
    public IMongoClient Client => client;

    /// <summary>The client's recorded command events, when the runner checks expectEvents and the client observes some.</summary>
    public CommandEventRecorder? Events => events;

    public void Dispose() => client.Dispose();
}
