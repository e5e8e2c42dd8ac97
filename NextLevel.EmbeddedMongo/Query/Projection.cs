using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Query;

/// <summary>
/// A find projection (inclusion, exclusion, positional <c>$</c>, <c>$slice</c>, <c>$elemMatch</c>, expressions).
/// CONTRACT (owned by the Query part).
/// </summary>
public sealed class Projection
{
    public static Projection Parse(BsonDocument spec, FilterOptions? options = null) => throw new NotImplementedException();

    /// <summary>Returns a new document; the input is not changed.</summary>
    public BsonDocument Apply(BsonDocument document, MatchDetails? details = null) => throw new NotImplementedException();
}
