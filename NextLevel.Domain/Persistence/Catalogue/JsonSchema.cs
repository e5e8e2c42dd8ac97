using MongoDB.Bson;

namespace NextLevel.Domain.Persistence.Catalogue;

/// <summary>Small builders for $jsonSchema validators, so each collection's invariants read as a list.</summary>
public static class JsonSchema
{
    /// <summary>E.164: a plus sign and up to 15 digits, the first not zero.</summary>
    public const string E164Pattern = @"^\+[1-9][0-9]{1,14}$";

    public static BsonDocument Object(IEnumerable<string> required, BsonDocument properties) => new()
    {
        { "bsonType", "object" },
        { "required", new BsonArray(required) },
        { "properties", properties },
    };

    public static BsonDocument Object(BsonDocument properties) => new() { { "bsonType", "object" }, { "properties", properties } };

    public static BsonDocument OfType(params string[] bsonTypes) =>
        new("bsonType", bsonTypes.Length == 1 ? bsonTypes[0] : new BsonArray(bsonTypes));

    public static BsonDocument String() => OfType("string");

    public static BsonDocument NonEmptyString() => new() { { "bsonType", "string" }, { "minLength", 1 } };

    public static BsonDocument Date() => OfType("date");

    public static BsonDocument ObjectId() => OfType("objectId");

    public static BsonDocument Bool() => OfType("bool");

    /// <summary>One of the enum's stored names (<see cref="SnakeCaseEnumSerializer{TEnum}"/>).</summary>
    public static BsonDocument Enum<TEnum>(bool nullable = false) where TEnum : struct, System.Enum
    {
        var names = new BsonArray(System.Enum.GetValues<TEnum>().Select(SnakeCaseEnumSerializer<TEnum>.NameOf));
        if (nullable) names.Add(BsonNull.Value);
        return new BsonDocument("enum", names);
    }

    public static BsonDocument Phone(bool nullable = true) => new()
    {
        { "bsonType", nullable ? new BsonArray { "string", "null" } : "string" },
        { "pattern", E164Pattern },
    };

    /// <summary>A 0..1 score (qualification.score, demand score).</summary>
    public static BsonDocument UnitInterval(bool nullable = false) => new()
    {
        { "bsonType", nullable ? new BsonArray { "double", "int", "long", "decimal", "null" } : new BsonArray { "double", "int", "long", "decimal" } },
        { "minimum", 0 },
        { "maximum", 1 },
    };

    /// <summary>Money: a non-negative decimal (ints and doubles tolerated for data loaded by other tools).</summary>
    public static BsonDocument Money(bool nullable = true) => new()
    {
        { "bsonType", nullable ? new BsonArray { "decimal", "double", "int", "long", "null" } : new BsonArray { "decimal", "double", "int", "long" } },
        { "minimum", 0 },
    };

    public static BsonDocument NonNegativeNumber(bool nullable = true) => Money(nullable);

    public static BsonDocument ArrayOf(BsonDocument items) => new() { { "bsonType", "array" }, { "items", items } };
}
