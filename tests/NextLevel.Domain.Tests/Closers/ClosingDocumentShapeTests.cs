using MongoDB.Bson;
using NextLevel.Domain.Closers.Deals;
using NextLevel.Domain.Closers.Offers;

namespace NextLevel.Domain.Tests.Closers;

public sealed class ClosingDocumentShapeTests
{
    [Fact]
    public void Offer_events_are_stored_with_the_seed_style_names()
    {
        NextLevel.Domain.Persistence.DomainMongoMappings.Register();
        var step = new OfferEvent { At = new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc), Action = OfferAction.Countered, Amount = 1m, By = OfferParty.Seller, UserId = "u" }.ToBsonDocument();
        var deal = new Deal { Id = ObjectId.GenerateNewId(), ExitStrategy = ExitStrategy.Assignment, Status = DealStatus.UnderContract }.ToBsonDocument();

        Assert.Equal("countered", step["action"].AsString);
        Assert.Equal("seller", step["by"].AsString);
        Assert.Equal("under_contract", deal["status"].AsString);
        Assert.Equal("assignment", deal["exitStrategy"].AsString);
        Assert.True(deal.Contains("_id"));
    }
}
