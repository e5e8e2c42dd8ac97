using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Query;

/// <summary>
/// A sort specification such as <c>{ receivedAt: -1, _id: 1 }</c>, compared with MongoDB semantics
/// (arrays sort by their smallest element ascending, largest descending; missing sorts as null).
/// CONTRACT (owned by the Query part).
/// </summary>
public sealed class SortSpec : IComparer<BsonDocument>
{
    public static SortSpec Parse(BsonDocument spec) => throw new NotImplementedException();

    public IReadOnlyList<(string Path, int Direction)> Keys => throw new NotImplementedException();

    public int Compare(BsonDocument? x, BsonDocument? y) => throw new NotImplementedException();
}
