using MongoDB.Bson;
using NextLevel.Domain.Calls;
using static NextLevel.Domain.Persistence.Catalogue.JsonSchema;

namespace NextLevel.Domain.Persistence.Catalogue;

internal static class CallTranscriptsCollection
{
    public static CollectionDefinition Definition { get; } = new(
        CollectionNames.CallTranscripts,
        [
            IndexSpec.On(new BsonDocument("callId", 1)) with { Unique = true },
            IndexSpec.On(new BsonDocument("leadId", 1)),
            IndexSpec.On(new BsonDocument("topics", 1)),
            // Ours: archival selects transcripts older than the retention period.
            IndexSpec.On(new BsonDocument("createdAt", 1)),
        ],
        Object(
            ["callId", "leadId", "messages", "createdAt"],
            new BsonDocument
            {
                { "callId", ObjectId() },
                { "leadId", ObjectId() },
                { "messages", ArrayOf(Object(["speaker", "text", "timestamp"], new BsonDocument { { "speaker", Enum<Speaker>() }, { "text", String() } })) },
                { "createdAt", Date() },
            }));
}
