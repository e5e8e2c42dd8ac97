using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Engine;

/// <summary>serverStatus.connections: maintained by the wire layer as connections open and close. [Singleton - ThreadSafe]</summary>
public sealed class ConnectionCounters
{
    private long _current;
    private long _totalCreated;

    /// <summary>The connection cap; connections.available is what remains of it.</summary>
    public int MaxConnections { get; internal set; } = EmbeddedMongoOptions.DefaultMaxConnections;

    public long Current => Interlocked.Read(ref _current);

    public long TotalCreated => Interlocked.Read(ref _totalCreated);

    internal void Opened()
    {
        Interlocked.Increment(ref _current);
        Interlocked.Increment(ref _totalCreated);
    }

    internal void Closed() => Interlocked.Decrement(ref _current);

    /// <summary>The serverStatus <c>connections</c> section.</summary>
    public BsonDocument ToServerStatusSection()
    {
        var current = Current;
        return new BsonDocument
        {
            { "current", (int)current },
            { "available", (int)Math.Max(0, MaxConnections - current) },
            { "totalCreated", TotalCreated },
        };
    }
}
