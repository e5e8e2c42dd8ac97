using MongoDB.Bson;
using NextLevel.Domain.Persistence;
using NextLevel.Domain.Persistence.Catalogue;

namespace NextLevel.Domain.Tests.Persistence;

public class CollectionCatalogueTests
{
    /// <summary>The indexes ../shared/seed/mongodb-schema.md lists, transcribed independently of the catalogue.</summary>
    public static TheoryData<string, string, bool> SeedIndexes => new()
    {
        { "leads", "{ 'contact.email': 1 }", false },
        { "leads", "{ 'contact.phone': 1 }", false },
        { "leads", "{ source: 1, externalId: 1 }", true },
        { "leads", "{ status: 1, nextFollowUp: 1 }", false },
        { "leads", "{ 'qualification.qualified': 1, 'qualification.score': -1 }", false },
        { "leads", "{ receivedAt: -1 }", false },
        { "leads", "{ 'consent.hasWrittenConsent': 1, 'dncStatus.onNationalRegistry': 1 }", false },
        { "properties", "{ 'address.formatted': 1 }", true },
        { "properties", "{ zpid: 1 }", false },
        { "properties", "{ 'address.zipCode': 1, type: 1 }", false },
        { "properties", "{ 'valuation.wholesalePrice': 1 }", false },
        { "properties", "{ 'marketData.marketTrend': 1, 'marketData.demandScore': -1 }", false },
        { "properties", "{ leadIds: 1 }", false },
        { "calls", "{ leadId: 1, initiatedAt: -1 }", false },
        { "calls", "{ callSid: 1 }", true },
        { "calls", "{ status: 1, outcome: 1 }", false },
        { "calls", "{ initiatedAt: -1 }", false },
        { "calls", "{ 'sentiment.overall': -1 }", false },
        { "calls", "{ campaignId: 1, initiatedAt: -1 }", false },
        { "call_transcripts", "{ callId: 1 }", true },
        { "call_transcripts", "{ leadId: 1 }", false },
        { "call_transcripts", "{ topics: 1 }", false },
        { "campaigns", "{ status: 1, type: 1 }", false },
        { "campaigns", "{ 'schedule.startDate': 1, 'schedule.endDate': 1 }", false },
        { "campaigns", "{ 'targeting.geography.states': 1 }", false },
        { "consent_logs", "{ leadId: 1, timestamp: -1 }", false },
        { "consent_logs", "{ phone: 1, timestamp: -1 }", false },
        { "consent_logs", "{ eventType: 1, timestamp: -1 }", false },
        { "agent_state", "{ agentType: 1, agentId: 1 }", true },
        { "agent_state", "{ 'metrics.avgResponseTime': 1 }", false },
        { "agent_state", "{ updatedAt: -1 }", false },
    };

    [Fact]
    public void Catalogue_has_the_twelve_collections_of_the_seed()
    {
        string[] seed = ["leads", "contacts", "properties", "campaigns", "calls", "call_transcripts", "consent_logs",
            "dnc_registry", "agent_state", "knowledge_base", "analytics_events", "system_config"];

        Assert.Equal(seed.Order(), CollectionCatalogue.All.Select(c => c.Name).Order());
    }

    [Theory]
    [MemberData(nameof(SeedIndexes))]
    public void Every_seed_index_is_in_the_catalogue_with_its_derived_name(string collection, string keys, bool unique)
    {
        var keyDocument = BsonDocument.Parse(keys);
        var expectedName = string.Join('_', keyDocument.Elements.Select(e => $"{e.Name}_{e.Value}"));

        var index = Assert.Single(CollectionCatalogue.Get(collection).Indexes, i => i.Keys.Equals(keyDocument));

        Assert.Equal(expectedName, index.Name);
        Assert.Equal(unique, index.Unique);
    }

    [Fact]
    public void Only_consent_logs_is_append_only()
    {
        Assert.Equal([CollectionNames.ConsentLogs], CollectionCatalogue.All.Where(c => c.AppendOnly).Select(c => c.Name));
    }

    [Fact]
    public void Every_collection_has_a_validator()
    {
        Assert.All(CollectionCatalogue.All, c => Assert.NotNull(c.ValidatorDocument));
    }
}
