using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Reporting;

/// <param name="Answered">Calls that were answered (answeredAt set).</param>
/// <param name="Completed">Calls with status completed.</param>
/// <param name="TotalCost">Sum of cost.totalCost: what calling cost.</param>
public sealed record CallTotals(int Calls, int Answered, int Completed, double? AvgDuration, double? AvgSentiment, decimal TotalCost)
{
    public static CallTotals None { get; } = new(0, 0, 0, null, null, 0m);
}

/// <summary>Totals over calls matching a filter (campaignId_1_initiatedAt_-1 or initiatedAt_-1).</summary>
public sealed class CallTotalsQuery(IMongoDatabase database)
{
    private IMongoCollection<BsonDocument> Calls => database.GetCollection<BsonDocument>(CollectionNames.Calls);

    public async Task<CallTotals> SumAsync(BsonDocument match, CancellationToken cancellationToken = default)
    {
        var row = await GroupTotals.RowAsync(Calls, match, new BsonDocument
        {
            { "calls", new BsonDocument("$sum", 1) },
            { "answered", GroupTotals.CountIf(new BsonDocument("$gt", new BsonArray { "$answeredAt", BsonNull.Value })) },
            { "completed", GroupTotals.CountIf(new BsonDocument("$eq", new BsonArray { "$status", StoredEnum.Name(CallStatus.Completed) })) },
            { "avgDuration", new BsonDocument("$avg", "$duration") },
            { "avgSentiment", new BsonDocument("$avg", "$sentiment.overall") },
            { "totalCost", new BsonDocument("$sum", "$cost.totalCost") },
        }, cancellationToken);
        if (row is null) return CallTotals.None;
        static double? Avg(BsonValue v) => v.IsBsonNull ? null : Math.Round(v.ToDouble(), 3);
        return new CallTotals(row["calls"].ToInt32(), row["answered"].ToInt32(), row["completed"].ToInt32(), Avg(row["avgDuration"]), Avg(row["avgSentiment"]),
            row["totalCost"].ToDecimal());
    }

    /// <summary>Only <see cref="CallTotals.TotalCost"/> (the Overview's cost, cost per lead and deal, ROI): the same sum,
    /// of the one field the index initiatedAt_-1_cost.totalCost_1 holds, so the server answers it from that index's
    /// keys (a covered read) for a period given on initiatedAt alone.</summary>
    public async Task<decimal> CostAsync(BsonDocument match, CancellationToken cancellationToken = default)
    {
        var row = await GroupTotals.RowAsync(Calls, match, new BsonDocument("totalCost", new BsonDocument("$sum", "$cost.totalCost")), cancellationToken);
        return row is null ? 0m : row["totalCost"].ToDecimal();
    }
}
