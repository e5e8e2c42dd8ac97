using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Reporting;

/// <summary>
/// How far a set of leads got: received, contacted (at least one contact attempt), qualified, and the pipeline
/// stages reached — site visit (site_visit or later), offer (offer_made or later), deal (closed or converted).
/// A lead that was lost after a visit counts by its current stage only.
/// </summary>
public sealed record LeadOutcomes(int Received, int Contacted, int Qualified, int SiteVisits, int Offers, int Deals, double? AvgScore)
{
    public static LeadOutcomes None { get; } = new(0, 0, 0, 0, 0, 0, null);
}

/// <summary>Counts <see cref="LeadOutcomes"/> for leads matching a filter, in one $group over the leads collection that
/// reads only small top-level fields: "contacted" is a lead with <c>firstContactAt</c> (the computed earliest attempt,
/// present exactly when <c>contactAttempts</c> is not empty), so the attempts themselves are never read.</summary>
public sealed class LeadOutcomeQuery(IMongoDatabase database)
{
    public async Task<LeadOutcomes> CountAsync(BsonDocument match, CancellationToken cancellationToken = default)
    {
        var row = await GroupTotals.RowAsync(database.GetCollection<BsonDocument>(CollectionNames.Leads), match, Accumulators(), cancellationToken);
        return row is null ? LeadOutcomes.None : Read(row);
    }

    /// <summary>The $group stage's accumulators (shared with <see cref="LeadKpiQuery"/>).</summary>
    internal static BsonDocument Accumulators()
    {
        static BsonDocument CountIf(BsonValue condition) => GroupTotals.CountIf(condition);
        static BsonArray Stages(params LeadStage[] stages) => new(stages.Select(s => StoredEnum.Name(s)));
        return new BsonDocument
        {
            { "received", new BsonDocument("$sum", 1) },
            { "contacted", CountIf(new BsonDocument("$gt", new BsonArray { "$firstContactAt", BsonNull.Value })) },
            { "qualified", CountIf(new BsonDocument("$eq", new BsonArray { "$qualification.qualified", true })) },
            { "siteVisits", CountIf(new BsonDocument("$in", new BsonArray { "$stage", Stages(LeadStage.SiteVisit, LeadStage.OfferMade, LeadStage.Negotiation, LeadStage.Closed) })) },
            { "offers", CountIf(new BsonDocument("$in", new BsonArray { "$stage", Stages(LeadStage.OfferMade, LeadStage.Negotiation, LeadStage.Closed) })) },
            { "deals", CountIf(new BsonDocument("$or", new BsonArray
                {
                    new BsonDocument("$eq", new BsonArray { "$stage", StoredEnum.Name(LeadStage.Closed) }),
                    new BsonDocument("$eq", new BsonArray { "$status", StoredEnum.Name(LeadStatus.Converted) }),
                })) },
            { "avgScore", new BsonDocument("$avg", "$qualification.score") },
        };
    }

    internal static LeadOutcomes Read(BsonDocument row) =>
        new(row["received"].ToInt32(), row["contacted"].ToInt32(), row["qualified"].ToInt32(), row["siteVisits"].ToInt32(),
            row["offers"].ToInt32(), row["deals"].ToInt32(), row["avgScore"].IsBsonNull ? null : Math.Round(row["avgScore"].ToDouble(), 3));
}
