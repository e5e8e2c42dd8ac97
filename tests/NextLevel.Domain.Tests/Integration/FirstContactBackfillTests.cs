using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Leads.Computed;
using NextLevel.Domain.Persistence;
using NextLevel.Domain.Persistence.Catalogue;
using NextLevel.Domain.Reporting;

namespace NextLevel.Domain.Tests.Integration;

public class FirstContactBackfillTests(EmbeddedMongoFixture mongo) : IClassFixture<EmbeddedMongoFixture>
{
    private static readonly DateTime T0 = new(2026, 3, 2, 15, 0, 0, DateTimeKind.Utc);

    private static BsonDocument Lead(string externalId, DateTime receivedAt, params DateTime[] attempts) => new()
    {
        { "_id", ObjectId.GenerateNewId() }, { "source", "google_ads" }, { "externalId", externalId }, { "receivedAt", receivedAt },
        { "contact", new BsonDocument("phone", "+12065550100") }, { "status", attempts.Length == 0 ? "new" : "contacted" },
        { "stage", attempts.Length == 0 ? "new" : "contacted" }, { "createdAt", receivedAt },
        { "contactAttempts", new BsonArray(attempts.Select(a => new BsonDocument
            { { "attemptId", ObjectId.GenerateNewId() }, { "timestamp", a }, { "type", "automated_call" }, { "outcome", "no_answer" } })) },
    };

    [Fact]
    public async Task Leads_stored_before_the_field_gain_their_earliest_attempt_once()
    {
        var database = mongo.NewDatabase();
        await new CatalogueMigrator(database).ApplyAsync();
        var leads = database.GetCollection<BsonDocument>(CollectionNames.Leads);
        // Attempts out of order (the earliest is not the first element); one lead never contacted; one already computed.
        var unordered = Lead("GGL-1", T0, T0.AddHours(5), T0.AddMinutes(2), T0.AddDays(1));
        var single = Lead("GGL-2", T0, T0.AddSeconds(40));
        var none = Lead("GGL-3", T0);
        var computed = Lead("GGL-4", T0, T0.AddMinutes(9));
        computed["firstContactAt"] = T0.AddMinutes(9);
        await leads.InsertManyAsync([unordered, single, none, computed]);

        var first = await new FirstContactBackfill(database).ApplyAsync();
        var second = await new FirstContactBackfill(database).ApplyAsync();

        Assert.Equal(2, first);
        Assert.Equal(0, second);
        async Task<BsonDocument> Read(BsonDocument lead) => await leads.Find(new BsonDocument("_id", lead["_id"])).SingleAsync();
        Assert.Equal(T0.AddMinutes(2), (await Read(unordered))["firstContactAt"].ToUniversalTime());
        Assert.Equal(T0.AddSeconds(40), (await Read(single))["firstContactAt"].ToUniversalTime());
        Assert.False((await Read(none)).Contains("firstContactAt"));
        Assert.Equal(T0.AddMinutes(9), (await Read(computed))["firstContactAt"].ToUniversalTime());
    }

    [Fact]
    public async Task Kpis_after_the_backfill_match_the_attempts_they_summarise()
    {
        var database = mongo.NewDatabase();
        await new CatalogueMigrator(database).ApplyAsync();
        var leads = database.GetCollection<BsonDocument>(CollectionNames.Leads);
        await leads.InsertManyAsync(
        [
            Lead("GGL-1", T0, T0.AddMinutes(3), T0.AddSeconds(30)),
            Lead("GGL-2", T0.AddHours(1), T0.AddHours(1).AddSeconds(90)),
            Lead("GGL-3", T0.AddHours(2)),
            Lead("GGL-4", T0.AddHours(3), T0.AddHours(3).AddMinutes(20), T0.AddHours(4)),
        ]);
        await new FirstContactBackfill(database).ApplyAsync();
        var period = new BsonDocument("receivedAt", new BsonDocument { { "$gte", T0 }, { "$lt", T0.AddDays(1) } });

        var outcomes = await new LeadOutcomeQuery(database).CountAsync(period);
        var speed = await new SpeedToLeadQuery(database).MeasureAsync(period);

        Assert.Equal((4, 3), (outcomes.Received, outcomes.Contacted));
        // Earliest attempt per contacted lead: 30 s, 90 s, 1,200 s.
        Assert.Equal(new SpeedToLead(3, 90, 1200), speed);
        // The Overview's one-pass query gives the same figures.
        Assert.Equal((outcomes, speed), await new LeadKpiQuery(database).MeasureAsync(period));
    }
}
