using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Worker.Services.Rollups;

/// <summary>
/// Recomputes a campaign's metrics (the seed's fields) from leads, calls and analytics events: leads received and
/// contacted, conversations, qualified, site visits, offers, deals, averages, conversion rate, cost per lead and per
/// deal, revenue and ROI. Idempotent: a recomputation replaces the figures.
/// </summary>
public sealed class CampaignMetricsRollup(IMongoDatabase database, TimeProvider time)
{
    private static readonly LeadStage[] SiteVisitOrLater = [LeadStage.SiteVisit, LeadStage.OfferMade, LeadStage.Negotiation, LeadStage.Closed];
    private static readonly LeadStage[] OfferOrLater = [LeadStage.OfferMade, LeadStage.Negotiation, LeadStage.Closed];

    private readonly IMongoCollection<Campaign> _campaigns = database.GetCollection<Campaign>(CollectionNames.Campaigns);
    private readonly IMongoCollection<Lead> _leads = database.GetCollection<Lead>(CollectionNames.Leads);
    private readonly IMongoCollection<Call> _calls = database.GetCollection<Call>(CollectionNames.Calls);
    private readonly IMongoCollection<BsonDocument> _events = database.GetCollection<BsonDocument>(CollectionNames.AnalyticsEvents);

    public async Task<int> RecomputeAllAsync(CancellationToken cancellationToken)
    {
        var ids = await _campaigns.Find(FilterDefinition<Campaign>.Empty).Project(c => c.Id).ToListAsync(cancellationToken);
        foreach (var id in ids) await RecomputeAsync(id, cancellationToken);
        return ids.Count;
    }

    /// <summary>Campaigns whose calls changed since <paramref name="since"/> (index campaignId_1_initiatedAt_-1 / updatedAt scan is bounded by recency).</summary>
    public async Task<IReadOnlyList<ObjectId>> TouchedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var ids = await _calls.DistinctAsync(c => c.CampaignId, Builders<Call>.Filter.Gte(c => c.UpdatedAt, since.UtcDateTime), cancellationToken: cancellationToken);
        return [.. (await ids.ToListAsync(cancellationToken)).Where(i => i.HasValue).Select(i => i!.Value)];
    }

    public async Task<CampaignMetrics> RecomputeAsync(ObjectId campaignId, CancellationToken cancellationToken)
    {
        var leads = Builders<Lead>.Filter.Eq(l => l.CampaignId, campaignId);
        var received = (int)await _leads.CountDocumentsAsync(leads, cancellationToken: cancellationToken);
        var contacted = (int)await _leads.CountDocumentsAsync(leads & Builders<Lead>.Filter.Ne(l => l.LastContactedAt, null), cancellationToken: cancellationToken);
        var qualifiedLeads = await _leads.Find(leads & Builders<Lead>.Filter.Ne(l => l.Qualification, null)).Project(l => new { l.Qualification!.Score, l.Qualification.Qualified }).ToListAsync(cancellationToken);
        var siteVisits = (int)await _leads.CountDocumentsAsync(leads & Builders<Lead>.Filter.In(l => l.Stage, SiteVisitOrLater), cancellationToken: cancellationToken);
        var offers = (int)await _leads.CountDocumentsAsync(leads & Builders<Lead>.Filter.In(l => l.Stage, OfferOrLater), cancellationToken: cancellationToken);
        var deals = (int)await _leads.CountDocumentsAsync(leads & (Builders<Lead>.Filter.Eq(l => l.Status, LeadStatus.Converted) | Builders<Lead>.Filter.Eq(l => l.Stage, LeadStage.Closed)), cancellationToken: cancellationToken);

        var calls = await _calls.Find(c => c.CampaignId == campaignId)
            .Project(c => new { c.Status, c.Outcome, c.Duration, Sentiment = c.Sentiment == null ? (double?)null : c.Sentiment.Overall, Cost = c.Cost == null ? (decimal?)null : c.Cost.TotalCost })
            .ToListAsync(cancellationToken);
        var conversations = calls.Where(c => c.Status is CallStatus.Completed or CallStatus.Answered && c.Outcome != CallOutcome.Voicemail && (c.Duration ?? 0) > 0).ToList();
        var sentiments = calls.Where(c => c.Sentiment.HasValue).Select(c => c.Sentiment!.Value).ToList();
        var callCost = calls.Sum(c => c.Cost ?? 0m);

        var revenue = await SumEventsAsync(campaignId, "deal_closed", cancellationToken);
        var campaign = await _campaigns.Find(c => c.Id == campaignId).Project(c => c.Budget).FirstOrDefaultAsync(cancellationToken);
        var totalCost = Math.Max(callCost, campaign?.Spent ?? 0m);

        var metrics = new CampaignMetrics
        {
            LeadsReceived = received,
            LeadsContacted = contacted,
            ConversationsCompleted = conversations.Count,
            Qualified = qualifiedLeads.Count(q => q.Qualified),
            SiteVisits = siteVisits,
            OffersExtended = offers,
            DealsClosed = deals,
            AvgQualificationScore = qualifiedLeads.Count == 0 ? 0 : Math.Round(qualifiedLeads.Average(q => q.Score), 3),
            AvgSentiment = sentiments.Count == 0 ? 0 : Math.Round(sentiments.Average(), 3),
            AvgCallDuration = conversations.Count == 0 ? 0 : Math.Round(conversations.Average(c => (double)(c.Duration ?? 0)), 1),
            ConversionRate = received == 0 ? 0 : Math.Round((double)deals / received, 4),
            CostPerLead = received == 0 ? 0 : Math.Round(totalCost / received, 2),
            CostPerDeal = deals == 0 ? 0 : Math.Round(totalCost / deals, 2),
            TotalRevenue = revenue,
            TotalCost = totalCost,
            Roi = totalCost == 0 ? 0 : Math.Round((double)((revenue - totalCost) / totalCost), 2),
        };
        await _campaigns.UpdateOneAsync(c => c.Id == campaignId,
            Builders<Campaign>.Update.Set(c => c.Metrics, metrics).Set(c => c.UpdatedAt, time.GetUtcNow().UtcDateTime), cancellationToken: cancellationToken);
        return metrics;
    }

    private async Task<decimal> SumEventsAsync(ObjectId campaignId, string type, CancellationToken cancellationToken)
    {
        var result = await _events.Aggregate()
            .Match(new BsonDocument { { "campaignId", campaignId }, { "type", type } })
            .Group(new BsonDocument { { "_id", BsonNull.Value }, { "total", new BsonDocument("$sum", "$value") } })
            .FirstOrDefaultAsync(cancellationToken);
        return result is null ? 0m : result["total"].ToDecimal();
    }
}
