using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Closers.Offers;
using NextLevel.Domain.Persistence;
using NextLevel.Domain.Properties;

namespace NextLevel.Worker.Services.Closing;

/// <summary>
/// Expires sent or countered offers whose expiresAt has passed (<see cref="OfferStateMachine"/>), one conditional
/// update per offer on its current status, with an "expired" step in its history. Index offers.status_1_offers.expiresAt_1.
/// [Singleton - ThreadSafe]
/// </summary>
public sealed partial class OfferExpiry(IMongoDatabase database, TimeProvider time, ILogger<OfferExpiry> logger)
{
    public const string ExpiredBy = "system";

    private static readonly BsonArray Live = [.. OfferStateMachine.From(OfferAction.Expired).Select(s => StoredEnum.Name(s))];

    private readonly IMongoCollection<Property> _properties = database.GetCollection<Property>(CollectionNames.Properties);

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var expired = new BsonDocument { { "status", new BsonDocument("$in", Live) }, { "expiresAt", new BsonDocument("$lte", now) } };
        var properties = await _properties.Find(new BsonDocument("offers", new BsonDocument("$elemMatch", expired))).Limit(500).ToListAsync(cancellationToken);
        var count = 0;
        foreach (var property in properties)
        {
            foreach (var offer in property.Offers.Where(o => o.ExpiresAt <= now && OfferStateMachine.Apply(o.Status, OfferAction.Expired, out _) is not null))
            {
                var step = new OfferEvent { At = now, Action = OfferAction.Expired, By = OfferParty.Us, UserId = ExpiredBy, Note = "Expired unanswered." };
                var result = await _properties.UpdateOneAsync(
                    new BsonDocument { { "_id", property.Id }, { "offers", new BsonDocument("$elemMatch", new BsonDocument { { "_id", offer.Id }, { "status", StoredEnum.Name(offer.Status) } }) } },
                    new BsonDocument
                    {
                        { "$set", new BsonDocument { { "offers.$.status", StoredEnum.Name(OfferStatus.Expired) }, { "offers.$.updatedAt", now }, { "updatedAt", now } } },
                        { "$push", new BsonDocument("offers.$.history", step.ToBsonDocument()) },
                    },
                    cancellationToken: cancellationToken);
                if (result.ModifiedCount == 0) continue;
                count++;
                LogExpired(offer.Id.ToString(), property.Id.ToString());
            }
        }
        return count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Offer {OfferId} on property {PropertyId} expired")]
    private partial void LogExpired(string offerId, string propertyId);
}
