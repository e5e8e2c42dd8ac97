using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Tests.Persistence;

public class DocumentMappingTests
{
    public DocumentMappingTests() => DomainMongoMappings.Register();

    [Fact]
    public void Lead_serialises_with_the_seeds_element_names_and_enum_strings()
    {
        var lead = new Lead
        {
            Source = LeadSource.GoogleAds,
            ExternalId = "GGL-12345678",
            ReceivedAt = new DateTime(2025, 10, 24, 15, 30, 0, DateTimeKind.Utc),
            Status = LeadStatus.Nurturing,
            Stage = LeadStage.SiteVisit,
            Qualification = new LeadQualification { Score = 0.85, EstimatedValue = 350_000m },
            DncStatus = new DncStatus { InternalDNC = true },
        };

        var document = lead.ToBsonDocument();

        Assert.Equal("google_ads", document["source"].AsString);
        Assert.Equal("nurturing", document["status"].AsString);
        Assert.Equal("site_visit", document["stage"].AsString);
        Assert.Equal("GGL-12345678", document["externalId"].AsString);
        Assert.Equal(BsonType.Decimal128, document["qualification"]["estimatedValue"].BsonType);
        Assert.True(document["dncStatus"]["internalDNC"].AsBoolean);
        Assert.Equal(BsonType.ObjectId, document["_id"].BsonType);
    }

    [Fact]
    public void Realgeeks_is_stored_as_the_seed_spells_it()
    {
        Assert.Equal("realgeeks", StoredEnum.Name(LeadSource.RealGeeks));
    }

    [Fact]
    public void Unknown_enum_strings_fail_clearly()
    {
        var document = new BsonDocument { { "callSid", "CA1" }, { "status", "teleported" } };

        var error = Assert.Throws<FormatException>(() => BsonSerializer.Deserialize<Call>(document));
        Assert.Contains("teleported", error.ToString());
    }

    [Fact]
    public void Dates_come_back_as_utc()
    {
        var call = new Call { CallSid = "CA1", InitiatedAt = new DateTime(2025, 10, 24, 15, 35, 0, DateTimeKind.Utc) };

        var roundTripped = BsonSerializer.Deserialize<Call>(call.ToBsonDocument());

        Assert.Equal(DateTimeKind.Utc, roundTripped.InitiatedAt.Kind);
        Assert.Equal(call.InitiatedAt, roundTripped.InitiatedAt);
    }

    [Fact]
    public void Call_cost_total_follows_its_parts()
    {
        var cost = CallCost.Of(twilioMinutes: 7.0m, twilioRate: 0.013m, elevenLabsCharacters: 2400, elevenLabsRate: 0.00018m);

        Assert.Equal(0.5230m, cost.TotalCost);
    }
}
