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
