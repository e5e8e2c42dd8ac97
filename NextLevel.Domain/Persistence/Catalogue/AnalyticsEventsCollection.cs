using MongoDB.Bson;
using static NextLevel.Domain.Persistence.Catalogue.JsonSchema;

namespace NextLevel.Domain.Persistence.Catalogue;

internal static class AnalyticsEventsCollection
{
    public static CollectionDefinition Definition { get; } = new(
        CollectionNames.AnalyticsEvents,
        [
            IndexSpec.On(new BsonDocument { { "type", 1 }, { "occurredAt", -1 } }),
            IndexSpec.On(new BsonDocument { { "campaignId", 1 }, { "occurredAt", -1 } }),
            IndexSpec.On(new BsonDocument("leadId", 1)),
            // TTL: each event carries its own expiry (retention), so the stream stays bounded.
            IndexSpec.On(new BsonDocument("expiresAt", 1)) with { ExpireAfterSeconds = 0 },
        ],
        Object(
            ["type", "occurredAt", "expiresAt"],
            new BsonDocument
            {
                { "type", new BsonDocument { { "bsonType", "string" }, { "pattern", "^[a-z][a-z0-9_]*$" } } },
                { "occurredAt", Date() },
                { "value", new BsonDocument("bsonType", new BsonArray { "decimal", "double", "int", "long", "null" }) },
                { "expiresAt", Date() },
            }));
}
