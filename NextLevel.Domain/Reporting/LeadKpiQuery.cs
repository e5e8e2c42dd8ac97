using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Reporting;

/// <summary>
/// The Overview's lead figures for one period in one pass over the leads: <see cref="LeadOutcomes"/> and
/// <see cref="SpeedToLead"/>, exactly as <see cref="LeadOutcomeQuery"/> and <see cref="SpeedToLeadQuery"/> compute
/// them, but each matching lead is read once (the engine's cost is per lead read, not per field). Reads only small
/// top-level fields: the computed <c>firstContactAt</c>, <c>receivedAt</c>, <c>stage</c>, <c>status</c>,
/// <c>qualification</c>; the delays of the contacted leads come back in the one result row (a number per lead,
/// about 10 bytes each, far below the 16 MiB document limit for any period the Api allows).
/// </summary>
public sealed class LeadKpiQuery(IMongoDatabase database)
{
    public async Task<(LeadOutcomes Outcomes, SpeedToLead Speed)> MeasureAsync(BsonDocument match, CancellationToken cancellationToken = default)
    {
        var contacted = new BsonDocument("$eq", new BsonArray { new BsonDocument("$type", "$firstContactAt"), "date" });
        var accumulators = LeadOutcomeQuery.Accumulators();
        accumulators["delays"] = new BsonDocument("$push", new BsonDocument("$cond", new BsonArray
        {
            contacted,
            new BsonDocument("$divide", new BsonArray { new BsonDocument("$subtract", new BsonArray { "$firstContactAt", "$receivedAt" }), 1000 }),
            BsonNull.Value,
        }));
        var row = await GroupTotals.RowAsync(database.GetCollection<BsonDocument>(CollectionNames.Leads), match, accumulators, cancellationToken);
        if (row is null) return (LeadOutcomes.None, SpeedToLeadQuery.From([]));
        var delays = row["delays"].AsBsonArray.Where(d => d.IsNumeric).Select(d => Math.Max(0, d.ToDouble())).ToList();
        return (LeadOutcomeQuery.Read(row), SpeedToLeadQuery.From(delays));
    }
}
