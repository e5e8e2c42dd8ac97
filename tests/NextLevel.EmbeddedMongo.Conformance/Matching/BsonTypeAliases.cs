using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Conformance.Matching;

/// <summary>The string aliases of the <c>$type</c> query operator, used by the <c>$$type</c> matching operator.</summary>
public static class BsonTypeAliases
{
    private static readonly Dictionary<string, BsonType[]> TypesByAlias = new(StringComparer.Ordinal)
    {
        ["double"] = [BsonType.Double],
        ["string"] = [BsonType.String],
        ["object"] = [BsonType.Document],
        ["array"] = [BsonType.Array],
        ["binData"] = [BsonType.Binary],
        ["undefined"] = [BsonType.Undefined],
        ["objectId"] = [BsonType.ObjectId],
        ["bool"] = [BsonType.Boolean],
        ["date"] = [BsonType.DateTime],
        ["null"] = [BsonType.Null],
        ["regex"] = [BsonType.RegularExpression],
        ["javascript"] = [BsonType.JavaScript],
        ["symbol"] = [BsonType.Symbol],
        ["javascriptWithScope"] = [BsonType.JavaScriptWithScope],
        ["int"] = [BsonType.Int32],
        ["timestamp"] = [BsonType.Timestamp],
        ["long"] = [BsonType.Int64],
        ["decimal"] = [BsonType.Decimal128],
        ["minKey"] = [BsonType.MinKey],
        ["maxKey"] = [BsonType.MaxKey],
        ["number"] = [BsonType.Int32, BsonType.Int64, BsonType.Double, BsonType.Decimal128],
    };

    /// <summary>True when <paramref name="type"/> is one of the types named by <paramref name="alias"/>.</summary>
    public static bool Matches(string alias, BsonType type)
    {
        if (!TypesByAlias.TryGetValue(alias, out var types))
            throw new ArgumentException($"unknown $$type alias '{alias}'", nameof(alias));
        return Array.IndexOf(types, type) >= 0;
    }
}
