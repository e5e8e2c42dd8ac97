using System.Collections.Concurrent;
using System.Security.Cryptography;
using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Cursors;

/// <summary>
/// Open cursors by id. Idle cursors are reaped after <see cref="IdleTimeout"/> (MongoDB's cursorTimeoutMillis),
/// checked lazily whenever cursors are opened or used, so no timer has to be stopped.
/// [Singleton - ThreadSafe]
/// </summary>
public sealed class CursorRegistry(TimeProvider time)
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan ReapInterval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<long, ServerCursor> _cursors = new();
    private long _lastReapTicks;

    public int Count => _cursors.Count;

    /// <summary>
    /// Serves the first batch of <paramref name="results"/>; when more remain, registers a cursor for getMore.
    /// Returns the batch and the cursor id (0 when the results are exhausted or <paramref name="singleBatch"/>).
    /// </summary>
    public (BsonArray Batch, long CursorId) Open(
        string database, string collection, CommandContext context, BsonValue? sessionId,
        IEnumerable<BsonDocument> results, int? firstBatchSize, bool singleBatch)
    {
        ReapIdle();
        var enumerator = results.GetEnumerator();
        var cursor = new ServerCursor(database, collection, context.Connection.Id, sessionId, enumerator, time.GetUtcNow());
        var batch = cursor.NextBatch(firstBatchSize ?? BatchBuilder.DefaultFirstBatchSize, out var exhausted);
        if (exhausted || singleBatch || !cursor.HasMore())
        {
            cursor.Close();
            return (batch, 0);
        }

        while (true)
        {
            cursor.Id = NewCursorId();
            if (_cursors.TryAdd(cursor.Id, cursor)) return (batch, cursor.Id);
        }
    }

    /// <summary>Finds a cursor for getMore and marks it in use; the caller must <see cref="Release"/> it.</summary>
    public ServerCursor Acquire(long id, string database, string collection, BsonValue? sessionId)
    {
        ReapIdle();
        if (!_cursors.TryGetValue(id, out var cursor))
            throw new MongoError(ErrorCode.CursorNotFound, $"cursor id {id} not found");
        if (cursor.Database != database || cursor.Collection != collection)
            throw new MongoError(ErrorCode.Unauthorized, $"Requested getMore on namespace '{database}.{collection}', but cursor belongs to a different namespace {cursor.Namespace}");
        if (cursor.SessionId is not null && (sessionId is null || !Bson.BsonValueComparer.Instance.Equals(cursor.SessionId, sessionId)))
            throw new MongoError(ErrorCode.CursorNotFound, $"Cursor session id is not the same as the operation context's session id for cursor {id}");
        if (!cursor.TryAcquire())
            throw new MongoError(ErrorCode.CursorInUse, $"Cursor already in use (namespace: '{cursor.Namespace}', id: {id}).");
        return cursor;
    }

    public void Release(ServerCursor cursor, bool exhausted)
    {
        cursor.Release(time.GetUtcNow());
        if (exhausted) Remove(cursor.Id);
    }

    /// <summary>Kills a cursor of the given namespace; false when no such cursor exists.</summary>
    public bool Kill(long id, string database, string collection)
    {
        if (!_cursors.TryGetValue(id, out var cursor) || cursor.Database != database || cursor.Collection != collection) return false;
        return Remove(id);
    }

    /// <summary>
    /// Drops the cursors a closed connection opened outside a session. Session-bound cursors survive, because a
    /// pooled driver may legitimately continue them with getMore on another connection of the same client.
    /// </summary>
    public void DropConnection(long connectionId)
    {
        foreach (var cursor in _cursors.Values)
        {
            if (cursor.ConnectionId == connectionId && cursor.SessionId is null) Remove(cursor.Id);
        }
    }

    /// <summary>Drops every cursor over a collection (on drop/rename), or over a database when collection is null.</summary>
    public void DropNamespace(string database, string? collection)
    {
        foreach (var cursor in _cursors.Values)
        {
            if (cursor.Database == database && (collection is null || cursor.Collection == collection)) Remove(cursor.Id);
        }
    }

    public IReadOnlyList<ServerCursor> Snapshot() => [.. _cursors.Values];

    /// <summary>Unregisters a cursor; its results are released now unless a getMore is still reading them.</summary>
    private bool Remove(long id)
    {
        if (!_cursors.TryRemove(id, out var cursor)) return false;
        if (cursor.TryAcquire()) cursor.Close();
        return true;
    }

    private void ReapIdle()
    {
        var now = time.GetUtcNow();
        var last = Interlocked.Read(ref _lastReapTicks);
        if (now.UtcTicks - last < ReapInterval.Ticks) return;
        if (Interlocked.CompareExchange(ref _lastReapTicks, now.UtcTicks, last) != last) return;
        foreach (var cursor in _cursors.Values)
        {
            if (now - cursor.LastUsed > IdleTimeout) Remove(cursor.Id);
        }
    }

    private static long NewCursorId()
    {
        Span<byte> bytes = stackalloc byte[8];
        while (true)
        {
            RandomNumberGenerator.Fill(bytes);
            var id = BitConverter.ToInt64(bytes) & long.MaxValue;
            if (id != 0) return id;
        }
    }
}
