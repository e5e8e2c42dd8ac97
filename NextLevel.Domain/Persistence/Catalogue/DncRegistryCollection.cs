using MongoDB.Bson;
using NextLevel.Domain.Compliance;
using static NextLevel.Domain.Persistence.Catalogue.JsonSchema;

namespace NextLevel.Domain.Persistence.Catalogue;

internal static class DncRegistryCollection
{
    public static CollectionDefinition Definition { get; } = new(
        CollectionNames.DncRegistry,
        [
            // The compliance gate's lookup: is this phone on any list (and still in force)?
            IndexSpec.On(new BsonDocument { { "phone", 1 }, { "source", 1 } }) with { Unique = true },
            IndexSpec.On(new BsonDocument { { "source", 1 }, { "addedAt", -1 } }),
        ],
        Object(
            ["phone", "source", "addedAt"],
            new BsonDocument
            {
                { "phone", Phone(nullable: false) },
                { "source", Enum<DncSource>() },
                { "state", new BsonDocument { { "bsonType", new BsonArray { "string", "null" } }, { "pattern", "^[A-Z]{2}$" } } },
                { "addedAt", Date() },
                { "expiresAt", OfType("date", "null") },
            }));
}
