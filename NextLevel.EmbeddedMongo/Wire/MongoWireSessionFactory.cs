using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Wire;

/// <summary>Creates a <see cref="MongoWireSession"/> per connection and keeps the connection counters. [Singleton - ThreadSafe]</summary>
internal sealed class MongoWireSessionFactory(ICommandExecutor executor, ServerMetrics metrics) : IWireSessionFactory
{
    public IWireSession Create(long connectionId, string remoteEndPoint, IWireOutput output)
    {
        metrics.ConnectionOpened();
        return new MongoWireSession(executor, metrics, new ClientConnectionInfo { Id = connectionId, RemoteEndPoint = remoteEndPoint }, output);
    }
}
