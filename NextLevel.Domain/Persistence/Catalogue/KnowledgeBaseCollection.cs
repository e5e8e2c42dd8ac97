using MongoDB.Bson;
using static NextLevel.Domain.Persistence.Catalogue.JsonSchema;

namespace NextLevel.Domain.Persistence.Catalogue;

internal static class KnowledgeBaseCollection
{
    public static CollectionDefinition Definition { get; } = new(
        CollectionNames.KnowledgeBase,
        [
            IndexSpec.On(new BsonDocument { { "area", 1 }, { "version", 1 }, { "key", 1 } }) with { Unique = true },
            // Full-text search over entries; titles weigh more than bodies.
            new IndexSpec(new BsonDocument { { "title", "text" }, { "content", "text" }, { "tags", "text" } }, "knowledge_text")
            {
                Weights = new BsonDocument { { "title", 5 }, { "tags", 3 }, { "content", 1 } },
            },
        ],
        Object(
            ["area", "version", "key", "title", "content", "publishedAt"],
            new BsonDocument
            {
                { "area", new BsonDocument("enum", new BsonArray { "conversation-patterns", "objection-handlers", "market-intelligence" }) },
                { "version", new BsonDocument { { "bsonType", "string" }, { "pattern", "^v[0-9]+\\.[0-9]+$" } } },
                { "key", NonEmptyString() },
                { "title", NonEmptyString() },
                { "content", String() },
                { "effectiveness", UnitInterval(nullable: true) },
                { "publishedAt", Date() },
            }));
}
