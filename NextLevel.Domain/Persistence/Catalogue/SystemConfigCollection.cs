using MongoDB.Bson;
using static NextLevel.Domain.Persistence.Catalogue.JsonSchema;

namespace NextLevel.Domain.Persistence.Catalogue;

internal static class SystemConfigCollection
{
    public static CollectionDefinition Definition { get; } = new(
        CollectionNames.SystemConfig,
        [
            IndexSpec.On(new BsonDocument("key", 1)) with { Unique = true },
        ],
        Object(
            ["key", "value", "version", "updatedAt"],
            new BsonDocument
            {
                { "key", new BsonDocument { { "bsonType", "string" }, { "pattern", "^[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)*$" } } },
                { "value", OfType("object") },
                { "version", new BsonDocument { { "bsonType", new BsonArray { "int", "long" } }, { "minimum", 1 } } },
                { "history", OfType("array") },
                { "updatedAt", Date() },
            }));
}
