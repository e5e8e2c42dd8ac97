using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;
using MongoDB.Driver;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Reporting;

/// <summary>One row of the seed's campaign performance summary: calls of one outcome.</summary>
public sealed class OutcomePerformance
{
    /// <summary>The call outcome (qualified, not_interested...), or null for calls without one yet.</summary>
    [BsonId]
    public string? Outcome { get; set; }

    public int Count { get; set; }

    public double? AvgDuration { get; set; }

    public double? AvgSentiment { get; set; }

    public decimal TotalCost { get; set; }
}

/// <summary>
/// The seed's "campaign performance summary" pipeline over <c>calls</c>: per outcome, count, average duration,
/// average sentiment and total cost, most frequent first. Index: campaignId_1_initiatedAt_-1.
/// </summary>
public sealed class CampaignPerformanceQuery(IMongoDatabase database)
{
    public async Task<IReadOnlyList<OutcomePerformance>> ByOutcomeAsync(ObjectId campaignId, DateTime from, DateTime? to = null, CancellationToken cancellationToken = default)
    {
        var calls = database.GetCollection<BsonDocument>(CollectionNames.Calls);
        var range = new BsonDocument("$gte", from);
        if (to is not null) range["$lt"] = to.Value;
        var pipeline = new[]
        {
            new BsonDocument("$match", new BsonDocument { { "campaignId", campaignId }, { "initiatedAt", range } }),
            new BsonDocument("$group", new BsonDocument
            {
                { "_id", "$outcome" },
                { "count", new BsonDocument("$sum", 1) },
                { "avgDuration", new BsonDocument("$avg", "$duration") },
                { "avgSentiment", new BsonDocument("$avg", "$sentiment.overall") },
                { "totalCost", new BsonDocument("$sum", "$cost.totalCost") },
            }),
            new BsonDocument("$sort", new BsonDocument { { "count", -1 }, { "_id", 1 } }),
        };
        return await calls.Aggregate<OutcomePerformance>(pipeline, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
    }
}
