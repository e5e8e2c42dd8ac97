using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Engine;

/// <summary>
/// Counters reported by serverStatus. The wire layer records commands and connections; write handlers record the
/// documents they insert and the update/delete statements they run, as MongoDB's opcounters do.
/// [Singleton - ThreadSafe] All counters are updated with Interlocked.
/// </summary>
public sealed class ServerMetrics
{
    private long _insert;
    private long _query;
    private long _update;
    private long _delete;
    private long _getMore;
    private long _command;
    private long _currentConnections;
    private long _totalConnectionsCreated;

    /// <summary>The connection cap, reported as connections.available minus those in use.</summary>
    public int MaxConnections { get; internal set; } = EmbeddedMongoOptions.DefaultMaxConnections;

    public long CurrentConnections => Interlocked.Read(ref _currentConnections);

    public long TotalConnectionsCreated => Interlocked.Read(ref _totalConnectionsCreated);

    /// <summary>opcounters.insert counts documents inserted.</summary>
    public void RecordInserts(long documents) => Interlocked.Add(ref _insert, documents);

    /// <summary>opcounters.update counts update statements.</summary>
    public void RecordUpdates(long statements) => Interlocked.Add(ref _update, statements);

    /// <summary>opcounters.delete counts delete statements.</summary>
    public void RecordDeletes(long statements) => Interlocked.Add(ref _delete, statements);

    /// <summary>
    /// Called once per received command: find counts as a query, getMore as getmore; insert/update/delete are
    /// counted by their handlers per document or statement; everything else counts as a command.
    /// </summary>
    public void RecordCommand(string commandName)
    {
        switch (commandName)
        {
            case "find":
                Interlocked.Increment(ref _query);
                break;
            case "getMore":
                Interlocked.Increment(ref _getMore);
                break;
            case "insert" or "update" or "delete":
                break;
            default:
                Interlocked.Increment(ref _command);
                break;
        }
    }

    public void ConnectionOpened()
    {
        Interlocked.Increment(ref _currentConnections);
        Interlocked.Increment(ref _totalConnectionsCreated);
    }

    public void ConnectionClosed() => Interlocked.Decrement(ref _currentConnections);

    public BsonDocument OpCountersDocument() => new()
    {
        { "insert", Interlocked.Read(ref _insert) },
        { "query", Interlocked.Read(ref _query) },
        { "update", Interlocked.Read(ref _update) },
        { "delete", Interlocked.Read(ref _delete) },
        { "getmore", Interlocked.Read(ref _getMore) },
        { "command", Interlocked.Read(ref _command) },
    };

    public BsonDocument ConnectionsDocument()
    {
        var current = CurrentConnections;
        return new BsonDocument
        {
            { "current", (int)current },
            { "available", (int)Math.Max(0, MaxConnections - current) },
            { "totalCreated", TotalConnectionsCreated },
        };
    }
}
