using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using NextLevel.Domain.Reporting;

namespace NextLevel.Worker.Services.Rollups;

/// <summary>
/// Recomputes a campaign's metrics (the seed's fields) from leads, calls and analytics events: leads received and
/// contacted, conversations, qualified, averages and cost per lead; site visits, offers, deals, revenue, conversion
/// rate, cost per deal and ROI from the closers' records (<see cref="ClosingRecordsQuery"/>, <see cref="ClosingMetrics"/>).
/// Idempotent: a recomputation replaces the figures.
/// </summary>
public sealed class CampaignMetricsRollup(IMongoDatabase database, TimeProvider time)
{
    private readonly IMongoCollection<Campaign> _campaigns = database.GetCollection<Campaign>(CollectionNames.Campaigns);
    private readonly IMongoCollection<Lead> _leads = database.GetCollection<Lead>(CollectionNames.Leads);
    private readonly IMongoCollection<Call> _calls = database.GetCollection<Call>(CollectionNames.Calls);
    private readonly IMongoCollection<BsonDocument> _properties = database.GetCollection<BsonDocument>(CollectionNames.Properties);
    private readonly ClosingRecordsQuery _closing = new(database);

    public async Task<int> RecomputeAllAsync(CancellationToken cancellationToken)
    {
        var ids = await _campaigns.Find(FilterDefinition<Campaign>.Empty).Project(c => c.Id).ToListAsync(cancellationToken);
        foreach (var id in ids) await RecomputeAsync(id, cancellationToken);
        return ids.Count;
    }

    /// <summary>
    /// Campaigns whose calls, offers or deals changed since <paramref name="since"/> (calls by updatedAt; properties by
    /// index updatedAt_-1). Site visits are counted at the next full pass.
    /// </summary>
    public async Task<IReadOnlyList<ObjectId>> TouchedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var ids = await _calls.DistinctAsync(c => c.CampaignId, Builders<Call>.Filter.Gte(c => c.UpdatedAt, since.UtcDateTime), cancellationToken: cancellationToken);
        var touched = (await ids.ToListAsync(cancellationToken)).Where(i => i.HasValue).Select(i => i!.Value).ToHashSet();
        var properties = await _properties.Find(new BsonDocument("updatedAt", new BsonDocument("$gte", since.UtcDateTime)))
            .Project(new BsonDocument { { "offers.campaignId", 1 }, { "deal.campaignId", 1 } }).ToListAsync(cancellationToken);
        foreach (var property in properties)
        {
            if (property.GetValue("deal", BsonNull.Value) is BsonDocument deal && deal.GetValue("campaignId", BsonNull.Value) is BsonObjectId dealCampaign) touched.Add(dealCampaign.Value);
            if (property.GetValue("offers", BsonNull.Value) is BsonArray offers)
                foreach (var offer in offers.OfType<BsonDocument>())
                    if (offer.GetValue("campaignId", BsonNull.Value) is BsonObjectId offerCampaign) touched.Add(offerCampaign.Value);
        }
        return [.. touched];
    }

    private sealed record CallFigures(int Conversations, double ConversationSeconds, double? AvgSentiment, decimal TotalCost);

    /// <summary>
    /// The campaign's call figures in one $group on the server (its calls are not read here): conversations (answered
    /// or completed, not a voicemail, with a duration) and their seconds, the average sentiment, the total cost.
    /// </summary>
    private async Task<CallFigures> CallFiguresAsync(ObjectId campaignId, CancellationToken cancellationToken)
    {
        var conversation = new BsonDocument("$and", new BsonArray
        {
            new BsonDocument("$in", new BsonArray { "$status", new BsonArray { StoredEnum.Name(CallStatus.Completed), StoredEnum.Name(CallStatus.Answered) } }),
            new BsonDocument("$ne", new BsonArray { "$outcome", StoredEnum.Name(CallOutcome.Voicemail) }),
            new BsonDocument("$gt", new BsonArray { "$duration", 0 }),
        });
        var row = await GroupTotals.RowAsync(database.GetCollection<BsonDocument>(CollectionNames.Calls), new BsonDocument("campaignId", campaignId), new BsonDocument
        {
            { "conversations", GroupTotals.CountIf(conversation) },
            { "conversationSeconds", new BsonDocument("$sum", new BsonDocument("$cond", new BsonArray { conversation, "$duration", 0 })) },
            { "avgSentiment", new BsonDocument("$avg", "$sentiment.overall") },
            { "totalCost", new BsonDocument("$sum", "$cost.totalCost") },
        }, cancellationToken);
        return row is null
            ? new CallFigures(0, 0, null, 0m)
            : new CallFigures(row["conversations"].ToInt32(), row["conversationSeconds"].ToDouble(), row["avgSentiment"].IsBsonNull ? null : row["avgSentiment"].ToDouble(), row["totalCost"].ToDecimal());
    }

    public async Task<CampaignMetrics> RecomputeAsync(ObjectId campaignId, CancellationToken cancellationToken)
    {
        var leads = Builders<Lead>.Filter.Eq(l => l.CampaignId, campaignId);
        var received = (int)await _leads.CountDocumentsAsync(leads, cancellationToken: cancellationToken);
        var contacted = (int)await _leads.CountDocumentsAsync(leads & Builders<Lead>.Filter.Ne(l => l.LastContactedAt, null), cancellationToken: cancellationToken);
        var qualifiedLeads = await _leads.Find(leads & Builders<Lead>.Filter.Ne(l => l.Qualification, null)).Project(l => new { l.Qualification!.Score, l.Qualification.Qualified }).ToListAsync(cancellationToken);
        var closing = await _closing.CountAsync(campaignId, cancellationToken);

        var calls = await CallFiguresAsync(campaignId, cancellationToken);
        var callCost = calls.TotalCost;

        var campaign = await _campaigns.Find(c => c.Id == campaignId).Project(c => c.Budget).FirstOrDefaultAsync(cancellationToken);
        var totalCost = Math.Max(callCost, campaign?.Spent ?? 0m);
        var ratios = ClosingMetrics.Ratios(received, totalCost, closing);

        var metrics = new CampaignMetrics
        {
            LeadsReceived = received,
            LeadsContacted = contacted,
            ConversationsCompleted = calls.Conversations,
            Qualified = qualifiedLeads.Count(q => q.Qualified),
            SiteVisits = closing.SiteVisits,
            OffersExtended = closing.OffersExtended,
            DealsClosed = closing.DealsClosed,
            AvgQualificationScore = qualifiedLeads.Count == 0 ? 0 : Math.Round(qualifiedLeads.Average(q => q.Score), 3),
            AvgSentiment = calls.AvgSentiment is { } sentiment ? Math.Round(sentiment, 3) : 0,
            AvgCallDuration = calls.Conversations == 0 ? 0 : Math.Round(calls.ConversationSeconds / calls.Conversations, 1),
            ConversionRate = ratios.ConversionRate,
            CostPerLead = received == 0 ? 0 : Math.Round(totalCost / received, 2),
            CostPerDeal = ratios.CostPerDeal,
            TotalRevenue = closing.TotalRevenue,
            TotalCost = totalCost,
            Roi = ratios.Roi,
        };
        await _campaigns.UpdateOneAsync(c => c.Id == campaignId,
            Builders<Campaign>.Update.Set(c => c.Metrics, metrics).Set(c => c.UpdatedAt, time.GetUtcNow().UtcDateTime), cancellationToken: cancellationToken);
        return metrics;
    }
}
