using MongoDB.Bson;
using NextLevel.Domain.Campaigns;
using static NextLevel.Domain.Persistence.Catalogue.JsonSchema;

namespace NextLevel.Domain.Persistence.Catalogue;

internal static class CampaignsCollection
{
    public static CollectionDefinition Definition { get; } = new(
        CollectionNames.Campaigns,
        [
            IndexSpec.On(new BsonDocument { { "status", 1 }, { "type", 1 } }),
            IndexSpec.On(new BsonDocument { { "schedule.startDate", 1 }, { "schedule.endDate", 1 } }),
            IndexSpec.On(new BsonDocument("targeting.geography.states", 1)),
        ],
        Object(
            ["name", "type", "status", "createdAt"],
            new BsonDocument
            {
                { "name", NonEmptyString() },
                { "type", Enum<CampaignType>() },
                { "status", Enum<CampaignStatus>() },
                { "budget", Object(new BsonDocument
                    {
                        { "totalBudget", Money() }, { "spent", Money() }, { "costPerCall", Money() },
                        { "maxCallsPerDay", NonNegativeNumber() }, { "maxLeadsPerDay", NonNegativeNumber() },
                    })
                },
                { "createdAt", Date() },
            }));
}
