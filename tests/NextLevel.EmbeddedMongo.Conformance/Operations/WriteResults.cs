using System.Globalization;
using MongoDB.Bson;
using MongoDB.Driver;

namespace NextLevel.EmbeddedMongo.Conformance.Operations;

/// <summary>The CRUD spec's result documents (InsertOneResult, UpdateResult, BulkWriteResult, ...) built from driver results.</summary>
public static class WriteResults
{
    /// <summary>An unacknowledged write (w:0) reports nothing but that.</summary>
    public static OperationResult Unacknowledged() => OperationResult.Document(new BsonDocument("acknowledged", false));

    public static OperationResult FromUpdate(bool acknowledged, long matchedCount, long? modifiedCount, BsonValue? upsertedId)
    {
        if (!acknowledged) return Unacknowledged();
        var result = new BsonDocument
        {
            { "matchedCount", matchedCount },
            { "modifiedCount", modifiedCount ?? 0 },
            { "upsertedCount", upsertedId is null ? 0 : 1 },
        };
        if (upsertedId is not null) result["upsertedId"] = upsertedId;
        return OperationResult.Document(result);
    }

    /// <summary>{ "0": id, "3": id } — the spec keys inserted and upserted ids by the index of their request.</summary>
    public static BsonDocument IdsByIndex(IEnumerable<(int Index, BsonValue Id)> ids)
    {
        var document = new BsonDocument();
        foreach (var (index, id) in ids) document[index.ToString(CultureInfo.InvariantCulture)] = id;
        return document;
    }

    public static BsonDocument FromBulkWrite(BulkWriteResult result, IEnumerable<(int Index, BsonValue Id)> insertedIds)
    {
        if (!result.IsAcknowledged) return new BsonDocument("acknowledged", false);
        return new BsonDocument
        {
            { "deletedCount", result.DeletedCount },
            { "insertedCount", result.InsertedCount },
            { "insertedIds", IdsByIndex(insertedIds) },
            { "matchedCount", result.MatchedCount },
            { "modifiedCount", result.IsModifiedCountAvailable ? result.ModifiedCount : 0 },
            { "upsertedCount", result.Upserts.Count },
            { "upsertedIds", IdsByIndex(result.Upserts.Select(u => (u.Index, u.Id))) },
        };
    }
}
