using MongoDB.Bson;
using NextLevel.Domain.Properties;
using static NextLevel.Domain.Persistence.Catalogue.JsonSchema;

namespace NextLevel.Domain.Persistence.Catalogue;

internal static class PropertiesCollection
{
    public static CollectionDefinition Definition { get; } = new(
        CollectionNames.Properties,
        [
            IndexSpec.On(new BsonDocument("address.formatted", 1)) with { Unique = true },
            IndexSpec.On(new BsonDocument("zpid", 1)),
            IndexSpec.On(new BsonDocument { { "address.zipCode", 1 }, { "type", 1 } }),
            IndexSpec.On(new BsonDocument("valuation.wholesalePrice", 1)),
            IndexSpec.On(new BsonDocument { { "marketData.marketTrend", 1 }, { "marketData.demandScore", -1 } }),
            IndexSpec.On(new BsonDocument("leadIds", 1)),
            // Closers (issue 10): offers and deals by id, campaign metrics, and the Worker's offer expiry.
            IndexSpec.On(new BsonDocument("offers._id", 1)),
            IndexSpec.On(new BsonDocument("offers.campaignId", 1)),
            IndexSpec.On(new BsonDocument { { "offers.status", 1 }, { "offers.expiresAt", 1 } }),
            // Offer-to-deal conversion (closers' metrics on the Overview): offers with a step in a period.
            IndexSpec.On(new BsonDocument("offers.history.at", 1)),
            IndexSpec.On(new BsonDocument("deal._id", 1)),
            IndexSpec.On(new BsonDocument { { "deal.campaignId", 1 }, { "deal.status", 1 } }),
            IndexSpec.On(new BsonDocument("updatedAt", -1)),
        ],
        Object(
            ["address", "createdAt"],
            new BsonDocument
            {
                { "address", Object(["formatted"], new BsonDocument { { "formatted", NonEmptyString() } }) },
                { "type", Enum<PropertyType>(nullable: true) },
                { "condition", Enum<PropertyCondition>(nullable: true) },
                { "totalRepairCost", Money() },
                { "valuation", new BsonDocument
                    {
                        { "bsonType", new BsonArray { "object", "null" } },
                        { "properties", new BsonDocument
                            {
                                { "listPrice", Money() }, { "zestimate", Money() }, { "rentZestimate", Money() },
                                { "taxAssessedValue", Money() }, { "afterRepairValue", Money() }, { "wholesalePrice", Money() },
                            }
                        },
                    }
                },
                { "marketData", new BsonDocument
                    {
                        { "bsonType", new BsonArray { "object", "null" } },
                        { "properties", new BsonDocument { { "demandScore", UnitInterval(nullable: true) }, { "marketTrend", Enum<MarketTrend>(nullable: true) } } },
                    }
                },
                { "createdAt", Date() },
            }));
}
