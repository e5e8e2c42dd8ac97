using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Bench;

/// <summary>
/// Documents of the seed's lead shape (../shared/seed/mongodb-schema.md, leads collection), deterministic per seed,
/// about 1.5 KB each, so figures are comparable between runs.
/// </summary>
public sealed class LeadGenerator(int seed)
{
    private static readonly string[] Sources = ["google_ads", "zillow", "realgeeks"];
    private static readonly string[] Statuses = ["new", "contacted", "qualified", "nurturing", "converted", "lost", "dnc"];
    private static readonly string[] Stages = ["new", "contacted", "qualified", "site_visit", "offer_made", "negotiation", "closed", "lost"];
    private static readonly string[] Cities = ["Seattle", "Portland", "Tacoma", "Spokane", "Bellevue"];
    private readonly Random _random = new(seed);
    private readonly DateTime _epoch = new(2025, 10, 1, 0, 0, 0, DateTimeKind.Utc);

    public static string ExternalId(int index) => $"EXT-{index:D9}";

    public static string Phone(int index) => $"+1555{index % 10_000_000:D7}";

    public BsonDocument Create(int index)
    {
        var received = _epoch.AddSeconds(index * 7 % 8_000_000);
        var city = Cities[index % Cities.Length];
        return new BsonDocument
        {
            { "_id", ObjectId.GenerateNewId() },
            { "source", Sources[index % Sources.Length] },
            { "externalId", ExternalId(index) },
            { "receivedAt", received },
            { "contact", new BsonDocument
                {
                    { "firstName", "First" + index }, { "lastName", "Last" + index },
                    { "email", $"lead{index}@example.com" }, { "phone", Phone(index) },
                    { "alternatePhone", BsonNull.Value },
                    { "address", new BsonDocument { { "street", $"{index % 9999} Main St" }, { "city", city }, { "state", "WA" }, { "zipCode", $"98{index % 1000:D3}" } } },
                }
            },
            { "propertyAddress", $"{index % 9999} Main St, {city}, WA 98{index % 1000:D3}" },
            { "intent", new BsonDocument
                {
                    { "type", "seller" }, { "message", "Need to sell quickly due to relocation" }, { "urgency", "high" },
                    { "timeframe", "30_days" }, { "motivation", new BsonArray { "relocation", "financial_hardship" } },
                }
            },
            { "qualification", new BsonDocument
                {
                    { "score", Math.Round(_random.NextDouble(), 2) }, { "qualified", index % 3 == 0 },
                    { "criteria", new BsonDocument { { "hasMinEquity", true }, { "withinBudget", true }, { "rightPropertyType", true }, { "isMotivated", index % 2 == 0 } } },
                    { "estimatedValue", new BsonDecimal128(250_000m + index % 300_000) }, { "estimatedEquity", 0.25 }, { "wholesalePotential", "high" },
                }
            },
            { "campaignId", new ObjectId("507f1f77bcf86cd799439013") },
            { "campaignName", "Wholesale - Motivated Sellers Q4 2025" },
            { "assignedAt", received.AddSeconds(30) },
            { "contactAttempts", new BsonArray
                {
                    new BsonDocument
                    {
                        { "attemptId", ObjectId.GenerateNewId() }, { "timestamp", received.AddMinutes(5) }, { "type", "automated_call" },
                        { "outcome", "answered" }, { "duration", 420 }, { "sentiment", 0.65 }, { "notes", "Interested in cash offer." },
                    },
                }
            },
            { "lastContactedAt", received.AddMinutes(5) },
            { "nextFollowUp", received.AddDays(2) },
            { "consent", new BsonDocument
                {
                    { "hasWrittenConsent", true }, { "consentMethod", "web_form" }, { "consentDate", received.AddMinutes(-30) },
                    { "consentSource", "zillow_lead_form" }, { "consentText", "I agree to receive calls and texts about my property inquiry" },
                    { "expiresAt", received.AddYears(1) }, { "automatedCallsAllowed", true }, { "textMessagesAllowed", true },
                }
            },
            { "dncStatus", new BsonDocument { { "onNationalRegistry", false }, { "internalDNC", false }, { "lastCheckedAt", received.AddMinutes(1) }, { "checkedBy", "system" } } },
            { "status", Statuses[index % Statuses.Length] },
            { "stage", Stages[index % Stages.Length] },
            { "tags", new BsonArray { "motivated_seller", "wholesale" } },
            { "createdAt", received }, { "updatedAt", received.AddMinutes(5) },
            { "createdBy", "system" }, { "updatedBy", "agent_conversation_ai" },
        };
    }
}
