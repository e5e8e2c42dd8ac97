using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Query.Parsing;

/// <summary>The BSON type names and numeric codes accepted by <c>$type</c> and <c>$jsonSchema</c>'s bsonType.</summary>
internal static class BsonTypeAliases
{
    public static readonly BsonType[] NumberTypes = [BsonType.Double, BsonType.Int32, BsonType.Int64, BsonType.Decimal128];

    private static readonly Dictionary<string, BsonType> ByName = new(StringComparer.Ordinal)
    {
        ["double"] = BsonType.Double,
        ["string"] = BsonType.String,
        ["object"] = BsonType.Document,
        ["array"] = BsonType.Array,
        ["binData"] = BsonType.Binary,
        ["undefined"] = BsonType.Undefined,
        ["objectId"] = BsonType.ObjectId,
        ["bool"] = BsonType.Boolean,
        ["date"] = BsonType.DateTime,
        ["null"] = BsonType.Null,
        ["regex"] = BsonType.RegularExpression,
        ["dbPointer"] = (BsonType)12,
        ["javascript"] = BsonType.JavaScript,
        ["symbol"] = BsonType.Symbol,
        ["javascriptWithScope"] = BsonType.JavaScriptWithScope,
        ["int"] = BsonType.Int32,
        ["timestamp"] = BsonType.Timestamp,
        ["long"] = BsonType.Int64,
        ["decimal"] = BsonType.Decimal128,
        ["minKey"] = BsonType.MinKey,
        ["maxKey"] = BsonType.MaxKey,
    };

    /// <summary>Adds the types one $type argument (alias, "number" or numeric code) stands for.</summary>
    public static void AddTypes(BsonValue spec, ICollection<BsonType> types)
    {
        if (spec.IsString)
        {
            var name = spec.AsString;
            if (name == "number")
            {
                foreach (var type in NumberTypes) types.Add(type);
                return;
            }
            if (!ByName.TryGetValue(name, out var named)) throw MongoError.BadValue($"Unknown type name alias: {name}");
            types.Add(named);
            return;
        }

        if (spec.IsNumeric)
        {
            var code = spec.ToDouble();
            if (code != Math.Floor(code) || !IsKnownCode((int)code))
            {
                throw MongoError.BadValue($"Invalid numerical type code: {spec}");
            }
            types.Add((BsonType)(int)code);
            return;
        }

        throw MongoError.TypeMismatch("type must be represented as a number or a string");
    }

    private static bool IsKnownCode(int code) => code is -1 or 127 or (>= 1 and <= 19);
}
