using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Cursors;

/// <summary>
/// The rest of a query's results, handed out batch by batch through getMore.
/// The results come from a snapshot taken when the query ran, so later writes do not disturb them.
/// [Not ThreadSafe] A cursor is used by one getMore at a time; <see cref="TryAcquire"/> enforces that.
/// </summary>
public sealed class ServerCursor
{
    private readonly IEnumerator<BsonDocument> _results;
    private BsonDocument? _lookahead;
    private int _inUse;

    internal ServerCursor(string database, string collection, long connectionId, BsonValue? sessionId, IEnumerator<BsonDocument> results, DateTimeOffset now)
    {
        Database = database;
        Collection = collection;
        ConnectionId = connectionId;
        SessionId = sessionId;
        _results = results;
        LastUsed = now;
    }

    /// <summary>Assigned when the cursor outlives its first batch and is registered; 0 before.</summary>
    public long Id { get; internal set; }

    public string Database { get; }

    public string Collection { get; }

    public string Namespace => Database + "." + Collection;

    /// <summary>The connection that opened the cursor.</summary>
    public long ConnectionId { get; }

    /// <summary>The logical session (lsid) that opened the cursor, when the client uses sessions.</summary>
    public BsonValue? SessionId { get; }

    public DateTimeOffset LastUsed { get; private set; }

    /// <summary>Total documents returned so far (for limit bookkeeping and currentOp).</summary>
    public long Returned { get; private set; }

    internal bool TryAcquire() => Interlocked.CompareExchange(ref _inUse, 1, 0) == 0;

    internal void Release(DateTimeOffset now)
    {
        LastUsed = now;
        Volatile.Write(ref _inUse, 0);
    }

    /// <summary>Takes the next batch; <paramref name="exhausted"/> tells whether nothing remains afterwards.</summary>
    internal BsonArray NextBatch(int? batchSize, out bool exhausted)
    {
        var batch = BatchBuilder.Fill(Next, batchSize, out exhausted);
        Returned += batch.Count;
        return batch;
    }

    private BsonDocument? Next()
    {
        if (_lookahead is not null)
        {
            var value = _lookahead;
            _lookahead = null;
            return value;
        }
        return _results.MoveNext() ? _results.Current : null;
    }

    /// <summary>True when at least one more document exists (reads one ahead).</summary>
    internal bool HasMore()
    {
        if (_lookahead is not null) return true;
        if (!_results.MoveNext()) return false;
        _lookahead = _results.Current;
        return true;
    }

    internal void Close() => _results.Dispose();
}
