using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Conformance.Matching;

namespace NextLevel.EmbeddedMongo.Conformance.Operations;

/// <summary>
/// What an operation returned: a BSON value to match against expectResult (C# null when the operation returns
/// nothing), how its documents count as root-level, and optionally a non-BSON entity (a cursor) for saveResultAsEntity.
/// </summary>
public sealed record OperationResult(BsonValue? Value, MatchRootness Rootness, object? Entity = null)
{
    public static readonly OperationResult None = new(null, MatchRootness.None);

    public static OperationResult Document(BsonDocument? document) => new((BsonValue?)document ?? BsonNull.Value, MatchRootness.Document);

    public static OperationResult Documents(IEnumerable<BsonDocument> documents) => new(new BsonArray(documents), MatchRootness.ArrayElements);

    public static OperationResult Plain(BsonValue value) => new(value, MatchRootness.None);
}
