using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Closers.Deals;
using NextLevel.Domain.Closers.Offers;
using NextLevel.Domain.Persistence;
using NextLevel.Domain.Properties;

namespace NextLevel.Domain.Reporting;

/// <param name="OffersSent">Offers sent in the period (their "sent" step).</param>
/// <param name="Deals">Of those, the ones that became a deal that is not cancelled.</param>
/// <param name="ConversionRate">Deals / offers sent (0 without offers), 4 decimals.</param>
public sealed record OfferToDeal(int OffersSent, int Deals, double ConversionRate);

/// <summary>
/// Offer-to-deal conversion: offers sent in [from, to) (by the "sent" step of their history) and how many of them
/// became a live deal (properties.deal.offerId). For the closers' metrics (issue 10). Index: offers.history.at_1.
/// </summary>
public sealed class OfferToDealQuery(IMongoDatabase database)
{
    public async Task<OfferToDeal> ComputeAsync(DateTime from, DateTime to, ObjectId? campaignId = null, CancellationToken cancellationToken = default)
    {
        var sentStep = new BsonDocument
        {
            { "action", StoredEnum.Name(OfferAction.Sent) },
            { "at", new BsonDocument { { "$gte", from }, { "$lt", to } } },
        };
        // The same range outside the $elemMatch (implied by it) lets the offers.history.at_1 index narrow the read.
        var filter = new BsonDocument
        {
            { "offers.history", new BsonDocument("$elemMatch", sentStep) },
            { "offers.history.at", new BsonDocument { { "$gte", from }, { "$lt", to } } },
        };
        if (campaignId is { } c) filter["offers.campaignId"] = c;
        var properties = await database.GetCollection<Property>(CollectionNames.Properties).Find(filter)
            .Project<Property>(new BsonDocument { { "offers", 1 }, { "deal", 1 }, { "address", 1 } }).ToListAsync(cancellationToken);
        var sent = properties.SelectMany(p => p.Offers.Where(o =>
                (campaignId is null || o.CampaignId == campaignId)
                && o.History.Any(h => h.Action == OfferAction.Sent && h.At >= from && h.At < to))
            .Select(o => (Property: p, Offer: o))).ToList();
        var deals = sent.Count(s => s.Property.Deal is { Status: not DealStatus.Cancelled } deal && deal.OfferId == s.Offer.Id);
        return new OfferToDeal(sent.Count, deals, sent.Count == 0 ? 0 : Math.Round((double)deals / sent.Count, 4));
    }
}
