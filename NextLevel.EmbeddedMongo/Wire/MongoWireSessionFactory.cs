using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Wire;

/// <summary>Creates a <see cref="MongoWireSession"/> per connection and tells the engine about it. [Singleton - ThreadSafe]</summary>
internal sealed class MongoWireSessionFactory(ICommandExecutor executor) : IWireSessionFactory
{
    public IWireSession Create(long connectionId, string remoteEndPoint, IWireOutput output)
    {
        var connection = new ClientConnectionInfo { Id = connectionId, RemoteEndPoint = remoteEndPoint };
        executor.OnConnectionOpened(connection);
        return new MongoWireSession(executor, connection, output);
    }
}
