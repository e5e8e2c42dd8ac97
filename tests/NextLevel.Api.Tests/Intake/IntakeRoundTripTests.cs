using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MongoDB.Bson;
using MongoDB.Driver;
using static NextLevel.Api.Tests.Intake.IntakePayloads;

namespace NextLevel.Api.Tests.Intake;

/// <summary>
/// What one intake costs the database, counted by the engine (serverStatus.opcounters): a new lead with written
/// consent is four reads (active campaigns — uncached in this fixture —, DNC entries, the contact by phone or e-mail
/// in one look-up, the property) and four inserts (lead, contact, property, consent event); the same delivery again
/// reads and writes nothing new. These are the hot path's round trips; a regression shows up here first.
/// </summary>
public sealed class IntakeRoundTripTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    private const string ConsentText = "I agree that Next Level Real Estate may call and text me at the number above, including by automated and AI-voice calls. Consent is not a condition of any purchase.";

    [Fact]
    public async Task A_new_lead_costs_four_reads_and_four_inserts_and_a_repeat_writes_nothing()
    {
        var client = fixture.CreateClient();
        var body = GoogleLead(Unique("rt"), NewPhoneDigits(), extra: ("TCPA_CONSENT", ConsentText, "yes")).ToJsonString();
        // Warm the connection pool, so the count below holds only the intake's own operations.
        await fixture.Database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1));

        var before = await CountersAsync();
        using (var created = await client.PostAsync("/webhooks/leads/google-ads", new StringContent(body, Encoding.UTF8, "application/json")))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var afterNew = await CountersAsync();
        using (var repeated = await client.PostAsync("/webhooks/leads/google-ads", new StringContent(body, Encoding.UTF8, "application/json")))
            Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        var afterRepeat = await CountersAsync();

        var forNew = Delta(before, afterNew);
        Assert.Equal((Query: 4L, Insert: 4L, Update: 0L, Delete: 0L), forNew);
        var forRepeat = Delta(afterNew, afterRepeat);
        Assert.Equal((0L, 0L), (forRepeat.Update, forRepeat.Delete));
        Assert.Equal((1L, 1L, 1L, 1L), await fixture.CountsAsync());
    }

    private static (long Query, long Insert, long Update, long Delete) Delta(BsonDocument before, BsonDocument after) =>
        (after["query"].ToInt64() - before["query"].ToInt64(), after["insert"].ToInt64() - before["insert"].ToInt64(),
         after["update"].ToInt64() - before["update"].ToInt64(), after["delete"].ToInt64() - before["delete"].ToInt64());

    private async Task<BsonDocument> CountersAsync() =>
        (await fixture.Database.Client.GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("serverStatus", 1)))["opcounters"].AsBsonDocument;
}
