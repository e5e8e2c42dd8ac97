using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Update;

/// <summary>One kind of update (operators, replacement, pipeline). Immutable after parsing; Apply may run concurrently.</summary>
internal abstract class UpdateExecutor
{
    /// <summary>Updates <paramref name="document"/>, which the caller owns (a copy), and returns the result, which may
    /// be the same instance. <paramref name="isInsert"/> is true when building an upsert's new document.</summary>
    public abstract BsonDocument Apply(BsonDocument document, UpdateApplyContext context, bool isInsert);
}
