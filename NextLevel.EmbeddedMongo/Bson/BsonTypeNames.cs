using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Bson;

/// <summary>MongoDB's short type names ("int", "string", "object", ...), as they appear in server error messages.</summary>
public static class BsonTypeNames
{
    public static string Of(BsonValue? value) => value is null ? "missing" : Of(value.BsonType);

    public static string Of(BsonType type) => type switch
    {
        BsonType.Double => "double",
        BsonType.String => "string",
        BsonType.Document => "object",
        BsonType.Array => "array",
        BsonType.Binary => "binData",
        BsonType.Undefined => "undefined",
        BsonType.ObjectId => "objectId",
        BsonType.Boolean => "bool",
        BsonType.DateTime => "date",
        BsonType.Null => "null",
        BsonType.RegularExpression => "regex",
        BsonType.JavaScript => "javascript",
        BsonType.Symbol => "symbol",
        BsonType.JavaScriptWithScope => "javascriptWithScope",
        BsonType.Int32 => "int",
        BsonType.Timestamp => "timestamp",
        BsonType.Int64 => "long",
        BsonType.Decimal128 => "decimal",
        BsonType.MinKey => "minKey",
        BsonType.MaxKey => "maxKey",
        _ => type.ToString(),
    };
}
