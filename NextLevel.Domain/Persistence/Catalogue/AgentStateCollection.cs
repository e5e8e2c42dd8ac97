using MongoDB.Bson;
using NextLevel.Domain.Agents;
using static NextLevel.Domain.Persistence.Catalogue.JsonSchema;

namespace NextLevel.Domain.Persistence.Catalogue;

internal static class AgentStateCollection
{
    public static CollectionDefinition Definition { get; } = new(
        CollectionNames.AgentState,
        [
            IndexSpec.On(new BsonDocument { { "agentType", 1 }, { "agentId", 1 } }) with { Unique = true },
            IndexSpec.On(new BsonDocument("metrics.avgResponseTime", 1)),
            IndexSpec.On(new BsonDocument("updatedAt", -1)),
        ],
        Object(
            ["agentType", "agentId", "updatedAt"],
            new BsonDocument
            {
                { "agentType", Enum<AgentType>() },
                { "agentId", NonEmptyString() },
                { "decisionHistory", new BsonDocument { { "bsonType", "array" }, { "maxItems", AgentState.DecisionHistoryLimit } } },
                { "updatedAt", Date() },
            }));
}
