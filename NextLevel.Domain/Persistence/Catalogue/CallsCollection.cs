using MongoDB.Bson;
using NextLevel.Domain.Calls;
using static NextLevel.Domain.Persistence.Catalogue.JsonSchema;

namespace NextLevel.Domain.Persistence.Catalogue;

internal static class CallsCollection
{
    public static CollectionDefinition Definition { get; } = new(
        CollectionNames.Calls,
        [
            IndexSpec.On(new BsonDocument { { "leadId", 1 }, { "initiatedAt", -1 } }),
            IndexSpec.On(new BsonDocument("callSid", 1)) with { Unique = true },
            IndexSpec.On(new BsonDocument { { "status", 1 }, { "outcome", 1 } }),
            IndexSpec.On(new BsonDocument("initiatedAt", -1)),
            IndexSpec.On(new BsonDocument("sentiment.overall", -1)),
            IndexSpec.On(new BsonDocument { { "campaignId", 1 }, { "initiatedAt", -1 } }),
            // The calls list and the live feed (issue 7): newest first with the _id tie-break of the keyset cursor.
            IndexSpec.On(new BsonDocument { { "initiatedAt", -1 }, { "_id", -1 } }),
            // The Overview's call cost for a period (CallTotalsQuery.CostAsync): a sum read from this index's keys alone.
            IndexSpec.On(new BsonDocument { { "initiatedAt", -1 }, { "cost.totalCost", 1 } }),
        ],
        Object(
            ["callSid", "leadId", "contactPhone", "initiatedAt", "direction", "type", "status"],
            new BsonDocument
            {
                { "callSid", NonEmptyString() },
                { "leadId", ObjectId() },
                { "contactPhone", Phone(nullable: false) },
                { "fromPhone", Phone() },
                { "initiatedAt", Date() },
                { "duration", NonNegativeNumber() },
                { "direction", Enum<CallDirection>() },
                { "type", Enum<CallType>() },
                { "status", Enum<CallStatus>() },
                { "outcome", Enum<CallOutcome>(nullable: true) },
                { "sentiment", new BsonDocument
                    {
                        { "bsonType", new BsonArray { "object", "null" } },
                        { "properties", new BsonDocument("overall", new BsonDocument { { "bsonType", new BsonArray { "double", "int", "decimal" } }, { "minimum", -1 }, { "maximum", 1 } }) },
                    }
                },
                { "cost", new BsonDocument
                    {
                        { "bsonType", new BsonArray { "object", "null" } },
                        { "properties", new BsonDocument { { "totalCost", Money() }, { "twilioRate", Money() }, { "elevenLabsRate", Money() } } },
                    }
                },
            }));
}
