using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine.Queries;
using NextLevel.EmbeddedMongo.Planner;
using NextLevel.EmbeddedMongo.Query;
using NextLevel.EmbeddedMongo.Storage;

namespace NextLevel.EmbeddedMongo.Engine;

public sealed partial class MongoEngine
{
    /// <summary>What filters of a command over <paramref name="collection"/> see: its text index, the command's let, now.</summary>
    private FilterOptions FilterOptionsFor(CollectionStore? collection, IReadOnlyDictionary<string, BsonValue>? variables) => new()
    {
        TextIndexFields = collection?.TextIndexFields,
        Variables = variables,
        Now = Time.GetUtcNow().UtcDateTime,
    };

    /// <summary>
    /// The documents of a write's filter (at most <paramref name="limit"/> when given), read before any change so a
    /// multi-write never sees its own writes; a single-document write stops reading at its first match.
    /// </summary>
    private static List<DocumentQuery.Match> MatchingDocuments(CollectionStore? collection, Filter filter, BsonDocument filterSpec, BsonValue? hint, int? limit = null)
    {
        if (collection is null) return [];
        var candidates = QueryPlanner.Plan(collection, filterSpec, null, hint).Candidates.ToList();
        var matches = new DocumentQuery { Filter = filter }.Matches(candidates);
        return [.. limit is null ? matches : matches.Take(limit.Value)];
    }

    /// <summary>The reply shared by insert, update and delete: <c>{ n, writeErrors?, ok: 1 }</c> plus extra fields.</summary>
    private static BsonDocument WriteReply(long n, BsonArray writeErrors, BsonDocument? extra = null)
    {
        var reply = new BsonDocument("n", n > int.MaxValue ? n : (BsonValue)(int)n);
        if (extra is not null) reply.AddRange(extra);
        if (writeErrors.Count > 0) reply.Add("writeErrors", writeErrors);
        reply.Add("ok", 1.0);
        return reply;
    }
}
