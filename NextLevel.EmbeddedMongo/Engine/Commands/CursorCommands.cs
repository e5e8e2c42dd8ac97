using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Engine;

public sealed partial class MongoEngine
{
    /// <summary>getMore: the next batch of an open cursor of the same namespace (and session, when it has one).</summary>
    [MongoCommand("getMore")]
    private ValueTask<BsonDocument> GetMoreAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        var idValue = command.GetElement(0).Value;
        if (!idValue.IsInt64 && !idValue.IsInt32)
            throw CommandArguments.WrongType(command, "getMore", idValue, "long");
        var collectionName = command.OptionalString("collection")
            ?? throw new MongoError(ErrorCode.Location40414, "BSON field 'getMore.collection' is missing but a required field");
        // Not validated as a collection name: command cursors live in "$cmd.<command>" namespaces.
        if (collectionName.Length == 0) throw new MongoError(ErrorCode.InvalidNamespace, $"Invalid namespace specified '{context.Database}.'");
        var batchSize = command.OptionalLong("batchSize");
        if (batchSize < 0) throw MongoError.Location(51024, $"BSON field 'batchSize' value must be >= 0, actual value '{batchSize}'");
        Counters.AddGetMore();

        var cursor = Cursors.Acquire(idValue.ToInt64(), context.Database, collectionName, SessionIdOf(command));
        var exhausted = true;
        try
        {
            // Without a batchSize a getMore fills a batch up to the 16 MiB cap.
            var batch = cursor.NextBatch(batchSize is null or 0 ? null : (int)Math.Min(batchSize.Value, int.MaxValue), out exhausted);
            if (!exhausted) exhausted = !cursor.HasMore();
            return ValueTask.FromResult(CursorReply(context.Database, collectionName, "nextBatch", batch, exhausted ? 0 : cursor.Id));
        }
        finally
        {
            Cursors.Release(cursor, exhausted);
        }
    }

    /// <summary>killCursors: <c>{ cursorsKilled, cursorsNotFound, cursorsAlive, cursorsUnknown }</c>.</summary>
    [MongoCommand("killCursors")]
    private ValueTask<BsonDocument> KillCursorsAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        // Not validated as a collection name: command cursors live in "$cmd.<command>" namespaces.
        var target = command.GetElement(0).Value;
        if (!target.IsString) throw CommandArguments.WrongType(command, "killCursors", target, "string");
        var collectionName = target.AsString;
        var killed = new BsonArray();
        var notFound = new BsonArray();
        foreach (var id in command.RequiredArray("cursors"))
        {
            if (!id.IsInt64 && !id.IsInt32) throw CommandArguments.WrongType(command, "cursors", id, "long");
            if (Cursors.Kill(id.ToInt64(), context.Database, collectionName)) killed.Add(id.ToInt64());
            else notFound.Add(id.ToInt64());
        }
        return ValueTask.FromResult(new BsonDocument
        {
            { "cursorsKilled", killed },
            { "cursorsNotFound", notFound },
            { "cursorsAlive", new BsonArray() },
            { "cursorsUnknown", new BsonArray() },
            { "ok", 1.0 },
        });
    }
}
