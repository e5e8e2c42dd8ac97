using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using NextLevel.Domain.Persistence.Catalogue;

namespace NextLevel.Domain.Tests.Integration;

public class LeadTimelineTests(EmbeddedMongoFixture mongo) : IClassFixture<EmbeddedMongoFixture>
{
    [Fact]
    public async Task Timeline_orders_receipt_attempts_calls_transcripts_and_consent_events()
    {
        var database = mongo.NewDatabase();
        await new CatalogueMigrator(database).ApplyAsync();
        var t0 = new DateTime(2026, 3, 2, 15, 0, 0, DateTimeKind.Utc);
        var callId = ObjectId.GenerateNewId();
        var lead = new Lead
        {
            Id = ObjectId.GenerateNewId(), Source = LeadSource.GoogleAds, ExternalId = "GGL-1", ReceivedAt = t0, CreatedAt = t0,
            ContactAttempts = [new ContactAttempt { AttemptId = ObjectId.GenerateNewId(), Timestamp = t0.AddMinutes(3), Type = ContactMethod.AutomatedCall, CallId = callId, Outcome = "answered" }],
        };
        await database.GetCollection<Lead>(CollectionNames.Leads).InsertOneAsync(lead);
        await database.GetCollection<Call>(CollectionNames.Calls).InsertOneAsync(new Call { Id = callId, CallSid = "CA1", LeadId = lead.Id, ContactPhone = "+15551234567", InitiatedAt = t0.AddMinutes(3), Status = CallStatus.Completed, Outcome = CallOutcome.Qualified, Duration = 300 });
        await database.GetCollection<CallTranscript>(CollectionNames.CallTranscripts).InsertOneAsync(
            CallTranscript.From(callId, lead.Id, [new TranscriptMessage { Speaker = Speaker.Agent, Text = "Hi", Confidence = 0.9 }], 300, t0.AddMinutes(8)));
        await new ConsentLedger(database).AppendAsync(new ConsentLog { LeadId = lead.Id, Phone = "+15551234567", EventType = ConsentEventType.ConsentGranted, Timestamp = t0.AddMinutes(-1) });

        var timeline = await new LeadTimelineQuery(database).ForLeadAsync(lead.Id);

        Assert.NotNull(timeline);
        Assert.Equal(
            [TimelineEntryKind.ConsentEvent, TimelineEntryKind.Received, TimelineEntryKind.ContactAttempt, TimelineEntryKind.Call, TimelineEntryKind.Transcript],
            timeline.Select(e => e.Kind));
        Assert.Contains("qualified", timeline[3].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_lead_has_no_timeline()
    {
        var database = mongo.NewDatabase();

        Assert.Null(await new LeadTimelineQuery(database).ForLeadAsync(ObjectId.GenerateNewId()));
    }
}
