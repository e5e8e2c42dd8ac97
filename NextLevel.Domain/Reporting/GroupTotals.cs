using MongoDB.Bson;
using MongoDB.Driver;

namespace NextLevel.Domain.Reporting;

/// <summary>
/// The one-row totals the reports and rollups count on the server: <c>$match</c>, then one <c>$group</c> with a null
/// <c>_id</c>, so the documents are read by the database and only the row comes back.
/// </summary>
public static class GroupTotals
{
    /// <summary><c>{ $sum: { $cond: [condition, 1, 0] } }</c>: how many documents meet the condition.</summary>
    public static BsonDocument CountIf(BsonValue condition) => new("$sum", new BsonDocument("$cond", new BsonArray { condition, 1, 0 }));

    /// <summary>The totals row of the documents matching <paramref name="match"/>; null when none matched.</summary>
    public static async Task<BsonDocument?> RowAsync(IMongoCollection<BsonDocument> collection, BsonDocument match, BsonDocument accumulators,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(collection);
        var group = new BsonDocument("_id", BsonNull.Value).AddRange(accumulators);
        return await collection.Aggregate<BsonDocument>(new[] { new BsonDocument("$match", match), new BsonDocument("$group", group) }, cancellationToken: cancellationToken)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
