using MongoDB.Bson;
using NextLevel.Domain.Compliance;
using static NextLevel.Domain.Persistence.Catalogue.JsonSchema;

namespace NextLevel.Domain.Persistence.Catalogue;

internal static class ConsentLogsCollection
{
    public static CollectionDefinition Definition { get; } = new(
        CollectionNames.ConsentLogs,
        [
            IndexSpec.On(new BsonDocument { { "leadId", 1 }, { "timestamp", -1 } }),
            IndexSpec.On(new BsonDocument { { "phone", 1 }, { "timestamp", -1 } }),
            IndexSpec.On(new BsonDocument { { "eventType", 1 }, { "timestamp", -1 } }),
            // The ledger's chains (Compliance/Ledger): one entry per chain and sequence; entries written before the
            // ledger have no chainKey until the migration seals them, hence partial.
            IndexSpec.On(new BsonDocument { { "chainKey", 1 }, { "sequence", 1 } }) with
            {
                Unique = true,
                PartialFilterExpression = new BsonDocument("chainKey", new BsonDocument("$exists", true)),
            },
        ],
        Object(
            ["eventType", "timestamp", "recordedBy"],
            new BsonDocument
            {
                { "eventType", Enum<ConsentEventType>() },
                { "phone", Phone() },
                { "timestamp", Date() },
                { "recordedBy", NonEmptyString() },
            }),
        AppendOnly: true);
}
