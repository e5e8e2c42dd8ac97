using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Reporting;

/// <summary>
/// Revenue booked in a period: the sum of <c>value</c> of <c>deal_closed</c> analytics events
/// (index type_1_occurredAt_-1, or campaignId_1_occurredAt_-1 with a campaign).
/// </summary>
public sealed class RevenueQuery(IMongoDatabase database)
{
    public const string DealClosedEvent = "deal_closed";

    public async Task<decimal> SumAsync(DateTime? from, DateTime? to, ObjectId? campaignId, CancellationToken cancellationToken = default)
    {
        var match = new BsonDocument("type", DealClosedEvent);
        var range = new BsonDocument();
        if (from is not null) range["$gte"] = from.Value;
        if (to is not null) range["$lt"] = to.Value;
        if (range.ElementCount > 0) match["occurredAt"] = range;
        if (campaignId is not null) match["campaignId"] = campaignId.Value;
        var pipeline = new[]
        {
            new BsonDocument("$match", match),
            new BsonDocument("$group", new BsonDocument { { "_id", BsonNull.Value }, { "revenue", new BsonDocument("$sum", "$value") } }),
        };
        var row = await database.GetCollection<BsonDocument>(CollectionNames.AnalyticsEvents).Aggregate<BsonDocument>(pipeline, cancellationToken: cancellationToken)
            .FirstOrDefaultAsync(cancellationToken);
        return row is null || row["revenue"].IsBsonNull ? 0m : row["revenue"].ToDecimal();
    }
}
