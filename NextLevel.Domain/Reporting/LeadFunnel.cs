using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Reporting;

/// <summary>One row of the seed's lead qualification funnel.</summary>
public sealed class FunnelStep
{
    public LeadStatus Status { get; set; }

    public int Count { get; set; }

    /// <summary>Average qualification score, rounded to two places; null when no lead of the step has a score.</summary>
    public double? AvgScore { get; set; }
}

/// <summary>Optional narrowing of the funnel.</summary>
public sealed record FunnelFilter(DateTime From, DateTime? To = null, ObjectId? CampaignId = null, LeadSource? Source = null);

/// <summary>
/// The seed's "lead qualification funnel" over <c>leads</c>: per status, count and average score.
/// Index: receivedAt_-1, or campaignId_1_receivedAt_-1 with a campaign.
/// </summary>
public sealed class LeadFunnelQuery(IMongoDatabase database)
{
    public async Task<IReadOnlyList<FunnelStep>> ByStatusAsync(FunnelFilter filter, CancellationToken cancellationToken = default)
    {
        var leads = database.GetCollection<BsonDocument>(CollectionNames.Leads);
        var range = new BsonDocument("$gte", filter.From);
        if (filter.To is not null) range["$lt"] = filter.To.Value;
        var match = new BsonDocument("receivedAt", range);
        if (filter.CampaignId is not null) match["campaignId"] = filter.CampaignId.Value;
        if (filter.Source is not null) match["source"] = StoredEnum.Name(filter.Source.Value);

        var pipeline = new[]
        {
            new BsonDocument("$match", match),
            new BsonDocument("$group", new BsonDocument
            {
                { "_id", "$status" },
                { "count", new BsonDocument("$sum", 1) },
                { "avgScore", new BsonDocument("$avg", "$qualification.score") },
            }),
            new BsonDocument("$project", new BsonDocument
            {
                { "status", "$_id" },
                { "count", 1 },
                { "avgScore", new BsonDocument("$round", new BsonArray { "$avgScore", 2 }) },
                { "_id", 0 },
            }),
        };
        var steps = await leads.Aggregate<FunnelStep>(pipeline, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        return [.. steps.OrderBy(s => s.Status)];
    }
}
