namespace NextLevel.EmbeddedMongo.Engine;

/// <summary>
/// serverStatus.opcounters as MongoDB counts them: inserts per document, updates and deletes per statement,
/// queries per find, getmores per getMore, and every other command once.
/// [Singleton - ThreadSafe]
/// </summary>
public sealed class OperationCounters
{
    private long _insert;
    private long _query;
    private long _update;
    private long _delete;
    private long _getMore;
    private long _command;

    public long Insert => Interlocked.Read(ref _insert);

    public long Query => Interlocked.Read(ref _query);

    public long Update => Interlocked.Read(ref _update);

    public long Delete => Interlocked.Read(ref _delete);

    public long GetMore => Interlocked.Read(ref _getMore);

    public long Command => Interlocked.Read(ref _command);

    internal void AddInserts(long count) => Interlocked.Add(ref _insert, count);

    internal void AddQuery() => Interlocked.Increment(ref _query);

    internal void AddUpdates(long count) => Interlocked.Add(ref _update, count);

    internal void AddDeletes(long count) => Interlocked.Add(ref _delete, count);

    internal void AddGetMore() => Interlocked.Increment(ref _getMore);

    internal void AddCommand() => Interlocked.Increment(ref _command);

    /// <summary>The serverStatus <c>opcounters</c> section.</summary>
    public MongoDB.Bson.BsonDocument ToServerStatusSection() => new()
    {
        { "insert", Insert },
        { "query", Query },
        { "update", Update },
        { "delete", Delete },
        { "getmore", GetMore },
        { "command", Command },
    };
}
