using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine.Queries;
using NextLevel.EmbeddedMongo.Query;

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

        var snapshot = Storage.Read(reader =>
            CollectionSnapshot.Capture(reader.Collection(context.Database, collectionName), request.Filter, request.Sort, request.Hint));
        var query = request.ToQuery(snapshot.FilterOptions(command.LetVariables(), Time.GetUtcNow().UtcDateTime));

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

/// <summary>The arguments of a find command, validated as MongoDB validates them.</summary>
internal sealed class FindRequest
{
    public required BsonDocument Filter { get; init; }

    public BsonDocument? Sort { get; init; }

    public BsonDocument? Projection { get; init; }

    public BsonValue? Hint { get; init; }

    public long Skip { get; init; }

    public long? Limit { get; init; }

    public int? FirstBatchSize { get; init; }

    public bool SingleBatch { get; init; }

    public static FindRequest Parse(BsonDocument command)
    {
        if (command.OptionalBool("tailable"))
            throw MongoError.BadValue("error processing query: tailable cursor requested on non capped collection");
        foreach (var unsupported in new[] { "min", "max" })
        {
            if (command.OptionalDocument(unsupported) is { ElementCount: > 0 })
                throw new MongoError(ErrorCode.NotImplemented, $"find with '{unsupported}' index bounds is not supported by this server");
        }
        if (command.OptionalBool("returnKey") || command.OptionalBool("showRecordId"))
            throw new MongoError(ErrorCode.NotImplemented, "find with returnKey or showRecordId is not supported by this server");
        CommandArguments.RequireSimpleCollation(command.GetValue("collation", BsonNull.Value));

        var skip = command.OptionalLong("skip") ?? 0;
        if (skip < 0) throw NonNegative("skip", skip);
        var limit = command.OptionalLong("limit");
        var singleBatch = command.OptionalBool("singleBatch");
        if (limit < 0)
        {
            // The legacy form: a negative limit asks for one batch of at most |limit| documents.
            limit = -limit;
            singleBatch = true;
        }
        if (limit == 0) limit = null;
        var batchSize = command.OptionalLong("batchSize");
        if (batchSize < 0) throw NonNegative("batchSize", batchSize.Value);

        int? firstBatch = batchSize is null ? null : (int)Math.Min(batchSize.Value, int.MaxValue);
        if (limit is not null)
        {
            // The first batch never holds more than the limit; a single-batch query may fill it completely.
            var cap = (int)Math.Min(limit.Value, int.MaxValue);
            if (firstBatch is null) firstBatch = singleBatch ? cap : Math.Min(cap, Cursors.BatchBuilder.DefaultFirstBatchSize);
            else if (firstBatch > 0) firstBatch = Math.Min(firstBatch.Value, cap);
        }

        var sort = command.OptionalDocument("sort");
        return new FindRequest
        {
            Filter = command.OptionalDocument("filter") ?? [],
            Sort = sort is { ElementCount: > 0 } ? sort : null,
            Projection = command.OptionalDocument("projection") is { ElementCount: > 0 } projection ? projection : null,
            Hint = command.TryGetValue("hint", out var hint) && !hint.IsBsonNull ? hint : null,
            Skip = skip,
            Limit = limit,
            FirstBatchSize = firstBatch,
            SingleBatch = singleBatch,
        };
    }

    public DocumentQuery ToQuery(FilterOptions options) => new()
    {
        Filter = Query.Filter.Parse(Filter, options),
        Sort = Sort is null ? null : SortSpec.Parse(Sort),
        Projection = Projection is null ? null : Query.Projection.Parse(Projection, options),
        Skip = Skip,
        Limit = Limit,
    };

    private static MongoError NonNegative(string field, long value) =>
        MongoError.Location(51024, $"BSON field '{field}' value must be >= 0, actual value '{value}'");
}
