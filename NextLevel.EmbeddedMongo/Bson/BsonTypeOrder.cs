using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Bson;

/// <summary>
/// MongoDB's canonical comparison order of BSON types. This is not the wire type code:
/// numbers of all kinds share one rank, as do strings and symbols, and null sorts with missing.
/// </summary>
public enum BsonTypeRank
{
    MinKey = -1,
    Undefined = 0,
    Null = 5,
    Number = 10,
    String = 15,
    Document = 20,
    Array = 25,
    Binary = 30,
    ObjectId = 35,
    Boolean = 40,
    DateTime = 45,
    Timestamp = 47,
    RegularExpression = 50,
    JavaScript = 60,
    JavaScriptWithScope = 65,
    MaxKey = 127,
}

public static class BsonTypeOrder
{
    /// <summary>The rank of a value; a missing value (C# null) ranks as null, as MongoDB treats it.</summary>
    public static BsonTypeRank RankOf(BsonValue? value) => value is null ? BsonTypeRank.Null : value.BsonType switch
    {
        BsonType.MinKey => BsonTypeRank.MinKey,
        BsonType.Undefined => BsonTypeRank.Undefined,
        BsonType.Null => BsonTypeRank.Null,
        BsonType.Double or BsonType.Int32 or BsonType.Int64 or BsonType.Decimal128 => BsonTypeRank.Number,
        BsonType.String or BsonType.Symbol => BsonTypeRank.String,
        BsonType.Document => BsonTypeRank.Document,
        BsonType.Array => BsonTypeRank.Array,
        BsonType.Binary => BsonTypeRank.Binary,
        BsonType.ObjectId => BsonTypeRank.ObjectId,
        BsonType.Boolean => BsonTypeRank.Boolean,
        BsonType.DateTime => BsonTypeRank.DateTime,
        BsonType.Timestamp => BsonTypeRank.Timestamp,
        BsonType.RegularExpression => BsonTypeRank.RegularExpression,
        BsonType.JavaScript => BsonTypeRank.JavaScript,
        BsonType.JavaScriptWithScope => BsonTypeRank.JavaScriptWithScope,
        BsonType.MaxKey => BsonTypeRank.MaxKey,
        _ => BsonTypeRank.Null,
    };

    public static bool IsNumeric(BsonValue? value) =>
        value is not null && value.BsonType is BsonType.Double or BsonType.Int32 or BsonType.Int64 or BsonType.Decimal128;
}
