using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Closers.Appointments;
using NextLevel.Domain.Closers.Deals;
using NextLevel.Domain.Closers.Offers;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Reporting;

/// <summary>
/// Counts a campaign's site visits (leads.appointments), offers extended (properties.offers) and closed deals with
/// their revenue (properties.deal). Indexes: leads campaignId_1_receivedAt_-1, properties offers.campaignId_1 and
/// deal.campaignId_1_deal.status_1.
/// </summary>
public sealed class ClosingRecordsQuery(IMongoDatabase database)
{
    private static readonly BsonArray VisitStatuses = [StoredEnum.Name(AppointmentStatus.Scheduled), StoredEnum.Name(AppointmentStatus.Completed)];
    private static readonly BsonArray NotExtended = [StoredEnum.Name(OfferStatus.Draft)];

    public async Task<ClosingCounts> CountAsync(ObjectId campaignId, CancellationToken cancellationToken = default)
    {
        var visits = CountVisitsAsync(campaignId, cancellationToken);
        var offers = CountOffersAsync(campaignId, cancellationToken);
        var deals = SumDealsAsync(campaignId, cancellationToken);
        await Task.WhenAll(visits, offers, deals);
        var (closed, revenue) = await deals;
        return new ClosingCounts(await visits, await offers, closed, revenue);
    }

    private async Task<int> CountVisitsAsync(ObjectId campaignId, CancellationToken cancellationToken)
    {
        var pipeline = new[]
        {
            new BsonDocument("$match", new BsonDocument { { "campaignId", campaignId }, { "appointments.0", new BsonDocument("$exists", true) } }),
            new BsonDocument("$project", new BsonDocument("n", new BsonDocument("$size", new BsonDocument("$filter", new BsonDocument
            {
                { "input", "$appointments" }, { "as", "a" }, { "cond", new BsonDocument("$in", new BsonArray { "$$a.status", VisitStatuses }) },
            })))),
            new BsonDocument("$group", new BsonDocument { { "_id", BsonNull.Value }, { "n", new BsonDocument("$sum", "$n") } }),
        };
        var row = await database.GetCollection<BsonDocument>(CollectionNames.Leads).Aggregate<BsonDocument>(pipeline, cancellationToken: cancellationToken).FirstOrDefaultAsync(cancellationToken);
        return row is null ? 0 : row["n"].ToInt32();
    }

    private async Task<int> CountOffersAsync(ObjectId campaignId, CancellationToken cancellationToken)
    {
        var pipeline = new[]
        {
            new BsonDocument("$match", new BsonDocument("offers.campaignId", campaignId)),
            new BsonDocument("$unwind", "$offers"),
            new BsonDocument("$match", new BsonDocument { { "offers.campaignId", campaignId }, { "offers.status", new BsonDocument("$nin", NotExtended) } }),
            new BsonDocument("$count", "n"),
        };
        var row = await database.GetCollection<BsonDocument>(CollectionNames.Properties).Aggregate<BsonDocument>(pipeline, cancellationToken: cancellationToken).FirstOrDefaultAsync(cancellationToken);
        return row is null ? 0 : row["n"].ToInt32();
    }

    private async Task<(int Count, decimal Revenue)> SumDealsAsync(ObjectId campaignId, CancellationToken cancellationToken)
    {
        var pipeline = new[]
        {
            new BsonDocument("$match", new BsonDocument { { "deal.campaignId", campaignId }, { "deal.status", StoredEnum.Name(DealStatus.Closed) } }),
            new BsonDocument("$group", new BsonDocument
            {
                { "_id", BsonNull.Value }, { "n", new BsonDocument("$sum", 1) },
                { "revenue", new BsonDocument("$sum", new BsonDocument("$ifNull", new BsonArray { "$deal.revenue", new BsonDecimal128(0m) })) },
            }),
        };
        var row = await database.GetCollection<BsonDocument>(CollectionNames.Properties).Aggregate<BsonDocument>(pipeline, cancellationToken: cancellationToken).FirstOrDefaultAsync(cancellationToken);
        return row is null ? (0, 0m) : (row["n"].ToInt32(), row["revenue"].ToDecimal());
    }
}
