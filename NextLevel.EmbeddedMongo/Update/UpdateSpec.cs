using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Query;

namespace NextLevel.EmbeddedMongo.Update;

/// <summary>
/// An update: operator document (<c>$set</c>, <c>$inc</c>, ...), replacement document, or pipeline (array).
/// CONTRACT (owned by the Update part): Parse throws MongoError for invalid updates; Apply and BuildUpsertDocument
/// never modify their inputs.
/// </summary>
public sealed class UpdateSpec
{
    public static UpdateSpec Parse(BsonValue update, BsonArray? arrayFilters = null, IReadOnlyDictionary<string, BsonValue>? variables = null)
        => throw new NotImplementedException();

    public bool IsReplacement => throw new NotImplementedException();

    /// <summary>Applies the update to a copy of <paramref name="document"/>. Throws MongoError (e.g. ImmutableField 66).</summary>
    public UpdateOutcome Apply(BsonDocument document, UpdateApplyContext context) => throw new NotImplementedException();

    /// <summary>The document an upsert inserts: equality fields of the filter, then the update (with $setOnInsert).</summary>
    public BsonDocument BuildUpsertDocument(BsonDocument filter, UpdateApplyContext context) => throw new NotImplementedException();
}

public sealed record UpdateOutcome(BsonDocument Document, bool Modified);

public sealed class UpdateApplyContext
{
    /// <summary>The array position the query matched, for the positional $ operator.</summary>
    public MatchDetails? Match { get; init; }

    public DateTime Now { get; init; } = DateTime.UtcNow;
}
