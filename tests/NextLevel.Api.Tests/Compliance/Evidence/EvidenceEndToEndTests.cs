using System.Net;
using System.Text.Json.Nodes;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Tests.Compliance.Evidence;

/// <summary>
/// Issue 11, item 4: a lead consents (staff intake with consent), is called (the Worker's gate decision and call record,
/// then Twilio's and ElevenLabs' signed webhooks), texts STOP (Twilio's signed SMS webhook), and the evidence package
/// tells the whole story in order with a valid ledger chain; a direct edit of a consent_logs document then shows up.
/// </summary>
public sealed class EvidenceEndToEndTests(EvidenceFixture fixture) : IClassFixture<EvidenceFixture>
{
    [Fact]
    public async Task A_lead_that_consents_is_called_and_texts_stop_has_its_whole_story_in_order_with_a_valid_chain()
    {
        await fixture.ImportNationalListAsync();
        fixture.Advance(TimeSpan.FromMinutes(10));
        var lead = await fixture.IntakeWithConsentAsync(EvidenceFixture.NewPhoneDigits());
        fixture.Advance(TimeSpan.FromMinutes(3));
        var (attempt, call) = await fixture.WorkerCallStepAsync(lead.Id, "initial:1");
        fixture.Advance(TimeSpan.FromSeconds(95));
        await fixture.CallCompletedAsync(call!, 95);
        await fixture.PostCallTranscriptAsync(call!);
        fixture.Advance(TimeSpan.FromMinutes(20));
        await fixture.InboundTextAsync(lead.Contact.Phone!, "Stop texting me");
        fixture.Advance(TimeSpan.FromHours(1));
        var (refused, _) = await fixture.WorkerCallStepAsync(lead.Id, "initial:2");

        using var client = fixture.CreateStaffClient("compliance");
        var json = new ZipPackage(await (await client.GetAsync($"/api/compliance/evidence/{lead.Id}?format=zip")).Content.ReadAsByteArrayAsync()).Json;

        var story = json["timeline"]!.AsArray().Select(e => (string)e!["kind"]!).Where(k => k != "national_list_imported").ToList();
        Assert.Equal(
            ["consent_granted", "contact_attempt", "call_initiated", "call_ended", "consent_revoked", "dnc_added", "dnc_entry_added", "contact_attempt"],
            story);
        var events = json["timeline"]!.AsArray();
        Assert.Contains("gate allowed", (string)events.Single(e => (string)e!["reference"]! == $"leads:{lead.Id}:contactAttempts:{attempt.AttemptId}")!["summary"]!, StringComparison.Ordinal);
        Assert.Contains("gate blocked: consent_revoked", (string)events.Single(e => (string)e!["reference"]! == $"leads:{lead.Id}:contactAttempts:{refused.AttemptId}")!["summary"]!, StringComparison.Ordinal);
        Assert.Contains("\"Stop texting me\"", (string)events.Single(e => (string)e!["kind"]! == "consent_revoked")!["summary"]!, StringComparison.Ordinal);

        var verification = json["ledger"]!["verification"]!;
        Assert.True((bool)verification["valid"]!, (string?)verification["summary"]);
        Assert.Equal(1, (int)verification["chainsChecked"]!);
        Assert.Equal(3, (long)verification["entriesChecked"]!);
        Assert.Equal(["consent_granted", "consent_revoked", "dnc_added"], json["ledger"]!["entries"]!.AsArray().Select(e => (string)e!["eventType"]!));

        // Anyone editing the stored consent text afterwards is caught, and the entry is named.
        var consentLogId = (string)json["consents"]![0]!["consentLogId"]!;
        await fixture.Database.GetCollection<BsonDocument>(CollectionNames.ConsentLogs).UpdateOneAsync(
            new BsonDocument("_id", ObjectId.Parse(consentLogId)), new BsonDocument("$set", new BsonDocument("consentDetails.consentText", "I agree to everything.")));
        var tampered = new ZipPackage(await (await client.GetAsync($"/api/compliance/evidence/{lead.Id}?format=zip")).Content.ReadAsByteArrayAsync()).Json;
        var after = tampered["ledger"]!["verification"]!;
        Assert.False((bool)after["valid"]!);
        Assert.Equal(consentLogId, (string)after["firstMismatchEntryId"]!);
        Assert.Equal("hash_mismatch", (string)after["firstMismatchReason"]!);
        Assert.StartsWith("NOT VALID", (string)after["summary"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_package_of_a_number_covers_every_lead_carrying_it()
    {
        await fixture.ImportNationalListAsync();
        var digits = EvidenceFixture.NewPhoneDigits();
        var first = await fixture.IntakeWithConsentAsync(digits);
        fixture.Advance(TimeSpan.FromMinutes(5));
        var second = await fixture.IntakeWithConsentAsync(digits);
        fixture.Advance(TimeSpan.FromMinutes(5));
        await fixture.WorkerCallStepAsync(second.Id, "initial:1");
        fixture.Advance(TimeSpan.FromMinutes(5));
        await fixture.InboundTextAsync(first.Contact.Phone!, "STOP");

        using var client = fixture.CreateStaffClient("admin");
        var response = await client.GetAsync($"/api/compliance/evidence/by-phone/{Uri.EscapeDataString(first.Contact.Phone!)}?format=zip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"evidence-phone-{first.Id}-{fixture.Clock.GetUtcNow():yyyyMMdd}.zip", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var json = new ZipPackage(await response.Content.ReadAsByteArrayAsync()).Json;

        Assert.Equal("phone", (string)json["subject"]!["kind"]!);
        Assert.Equal([first.Id.ToString(), second.Id.ToString()], json["leads"]!.AsArray().Select(l => (string)l!["leadId"]!));
        Assert.Equal([first.Id.ToString(), second.Id.ToString()], json["consents"]!.AsArray().Select(c => (string)c!["leadId"]!));
        Assert.Equal(second.Id.ToString(), (string)Assert.Single(json["attempts"]!.AsArray())!["leadId"]!);
        // One STOP revokes both leads' consent: one event per lead, plus the number's DNC request.
        Assert.Equal(2, json["revocations"]!.AsArray().Count(r => (string)r!["eventType"]! == "consent_revoked"));
        var times = json["timeline"]!.AsArray().Select(e => (string)e!["at"]!).ToList();
        Assert.Equal(times.Order(StringComparer.Ordinal), times);
        Assert.True((bool)json["ledger"]!["verification"]!["valid"]!);

        var pdf = await client.GetAsync($"/api/compliance/evidence/by-phone/{first.Contact.Phone![1..]}");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.True(PdfText.Read(await pdf.Content.ReadAsByteArrayAsync()).Pages >= 1);
    }
}
