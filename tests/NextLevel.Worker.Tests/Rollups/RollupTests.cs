using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Agents;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Configuration;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using NextLevel.Worker.Services.Rollups;
using NextLevel.Worker.Telemetry;
using NextLevel.Worker.Tests.Infrastructure;

namespace NextLevel.Worker.Tests.Rollups;

public sealed class RollupTests(EmbeddedDatabase server) : IClassFixture<EmbeddedDatabase>
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Campaign_and_agent_metrics_and_gauges_are_recomputed_from_leads_and_calls()
    {
        var database = await server.NewDatabaseAsync();
        var clock = new FakeTimeProvider(Now);
        var campaign = TestData.SeedCampaign();
        var leads = Enumerable.Range(0, 4).Select(i => TestData.Lead(campaign, Now.AddDays(-1), Now.AddDays(1), phone: $"+1206555000{i}")).ToList();
        leads[0].LastContactedAt = Now.AddHours(-20).UtcDateTime;
        leads[1].LastContactedAt = Now.AddHours(-20).UtcDateTime;
        leads[1].Qualification = new LeadQualification { Score = 0.8, Qualified = true };
        leads[1].Stage = LeadStage.OfferMade;
        leads[2].Qualification = new LeadQualification { Score = 0.4, Qualified = false };
        leads[3].Status = LeadStatus.Converted;
        leads[3].Stage = LeadStage.Closed;
        await TestData.InsertAsync(database, campaign, leads, withConsent: false);
        await database.GetCollection<Call>(CollectionNames.Calls).InsertManyAsync(
        [
            Call(campaign, leads[0], CallStatus.Completed, 300, 0.6, 0.50m, answered: true),
            Call(campaign, leads[1], CallStatus.Completed, 1, null, 0.01m, answered: true),
            Call(campaign, leads[1], CallStatus.NoAnswer, 0, null, 0m, answered: false),
        ]);
        await database.GetCollection<BsonDocument>(CollectionNames.AnalyticsEvents).InsertOneAsync(new BsonDocument
        {
            { "type", "deal_closed" }, { "occurredAt", Now.UtcDateTime }, { "campaignId", campaign.Id }, { "value", new BsonDecimal128(25000m) }, { "expiresAt", Now.AddDays(400).UtcDateTime },
        });

        var metrics = await new CampaignMetricsRollup(database, clock).RecomputeAsync(campaign.Id, default);
        var gauges = new WorkerGauges();
        var snapshot = await new OperationsRollup(database, new SystemConfigStore(database, clock), Options.Create(new RollupOptions()), gauges, clock).RecomputeAsync(default);

        // Visits, offers, deals and revenue come from the closers' records, not from stages or events (Closing/ClosingChoresTests).
        Assert.Equal((4, 2, 2, 1, 0, 0, 0), (metrics.LeadsReceived, metrics.LeadsContacted, metrics.ConversationsCompleted, metrics.Qualified, metrics.SiteVisits, metrics.OffersExtended, metrics.DealsClosed));
        Assert.Equal(0.6, metrics.AvgQualificationScore, 3);
        Assert.Equal(150.5, metrics.AvgCallDuration, 1); // the two conversations: 300 s and 1 s; the unanswered call is none
        Assert.Equal(0.6, metrics.AvgSentiment, 3);
        Assert.Equal(0, metrics.ConversionRate, 4);
        Assert.Equal(0m, metrics.TotalRevenue);
        Assert.Equal(0.51m, metrics.TotalCost);
        var stored = await database.GetCollection<Campaign>(CollectionNames.Campaigns).Find(c => c.Id == campaign.Id).FirstAsync();
        Assert.Equal(4, stored.Metrics.LeadsReceived);
        Assert.Equal(0.5, snapshot.AbandonedCallRate, 3); // one of the two answered calls ended within 2 s
        Assert.Null(snapshot.DaysSinceNationalDncImport);
        Assert.Equal(0, snapshot.StepsDue);
        var agent = await database.GetCollection<AgentState>(CollectionNames.AgentState).Find(a => a.AgentType == AgentType.ConversationAi).SingleAsync();
        Assert.Equal((3, 2, 0), (agent.Metrics.TotalRequests, agent.Metrics.SuccessfulRequests, agent.Metrics.FailedRequests));
        Assert.Equal(0.51m, agent.Metrics.TotalCost);
    }

    private static Call Call(Campaign campaign, Lead lead, CallStatus status, int duration, double? sentiment, decimal cost, bool answered) => new()
    {
        Id = ObjectId.GenerateNewId(),
        CallSid = "CA" + ObjectId.GenerateNewId(),
        LeadId = lead.Id,
        CampaignId = campaign.Id,
        ContactPhone = lead.Contact.Phone!,
        InitiatedAt = Now.AddHours(-20).UtcDateTime,
        AnsweredAt = answered ? Now.AddHours(-20).UtcDateTime : null,
        Status = status,
        Duration = duration,
        Sentiment = sentiment is { } s ? new CallSentiment { Overall = s } : null,
        Cost = new CallCost { TotalCost = cost },
        CreatedAt = Now.AddHours(-20).UtcDateTime,
        UpdatedAt = Now.AddHours(-20).UtcDateTime,
    };
}
