using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine.Queries;

namespace NextLevel.EmbeddedMongo.Engine;

public sealed partial class MongoEngine
{
    /// <summary>find: filter, sort, projection, skip, limit (negative: one batch), batchSize, singleBatch, hint, let.</summary>
    [MongoCommand("find")]
    private ValueTask<BsonDocument> FindAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        var collectionName = command.CollectionName(context.Database);
        var request = FindRequest.Parse(command);
        Counters.AddQuery();

        var now = Time.GetUtcNow().UtcDateTime;
        var variables = command.LetVariables(now);
        var snapshot = Storage.Read(reader => request.Limit is { } limit
            ? CollectionSnapshot.CaptureFirst(reader.Collection(context.Database, collectionName), request.Filter, request.Sort, request.Hint, request.Skip + limit, variables, now)
            : CollectionSnapshot.Capture(reader.Collection(context.Database, collectionName), request.Filter, request.Sort, request.Hint));
        var query = request.ToQuery(snapshot.FilterOptions(variables, now), snapshot.ProvidesSort);

        var (batch, cursorId) = Cursors.Open(
            context.Database, collectionName, context, SessionIdOf(command), query.Run(snapshot.Documents),
            request.FirstBatchSize, request.SingleBatch);
        return ValueTask.FromResult(CursorReply(context.Database, collectionName, "firstBatch", batch, cursorId));
    }

    /// <summary>The <c>{ cursor: { firstBatch|nextBatch, id, ns }, ok: 1 }</c> reply of every cursor-returning command.</summary>
    private static BsonDocument CursorReply(string database, string collection, string batchField, BsonArray batch, long cursorId) => new()
    {
        {
            "cursor", new BsonDocument
            {
                { batchField, batch },
                { "id", cursorId },
                { "ns", database + "." + collection },
            }
        },
        { "ok", 1.0 },
    };

    /// <summary>The logical session a command runs in (its lsid), which owns the cursors it opens.</summary>
    private static BsonValue? SessionIdOf(BsonDocument command) =>
        command.TryGetValue("lsid", out var lsid) && !lsid.IsBsonNull ? lsid : null;
}
