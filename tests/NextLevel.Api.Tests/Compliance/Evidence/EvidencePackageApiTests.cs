using System.Net;
using System.Text.Json.Nodes;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Compliance.Reassigned;
using NextLevel.Domain.Leads;

namespace NextLevel.Api.Tests.Compliance.Evidence;

public sealed class EvidencePackageApiTests(EvidenceFixture fixture) : IClassFixture<EvidenceFixture>
{
    private static readonly string[] ZipFiles =
        ["package.json", "consent.csv", "attempts.csv", "dnc.csv", "dnc_list_copies.csv", "reassigned_checks.csv", "holds.csv", "calls.csv", "ledger.csv", "timeline.csv"];

    /// <summary>Consent, a reassigned check, an allowed call, a STOP text and a blocked call for one lead.</summary>
    private async Task<(Lead Lead, string Phone, ObjectId AllowedCall, ObjectId BlockedAttempt)> StoryAsync()
    {
        await fixture.ImportNationalListAsync();
        var digits = EvidenceFixture.NewPhoneDigits();
        var lead = await fixture.IntakeWithConsentAsync(digits);
        var phone = lead.Contact.Phone!;
        fixture.Advance(TimeSpan.FromMinutes(1));
        await new ReassignedNumberChecks(fixture.Database, fixture.Clock).RecordAsync(lead.Id, phone, lead.Consent.ConsentDate!.Value, new ReassignedAnswer(ReassignedCheckResult.NotReassigned, "simulator", "req-1", true), "worker", default);
        fixture.Advance(TimeSpan.FromMinutes(1));
        var (allowed, call) = await fixture.WorkerCallStepAsync(lead.Id, "initial:1");
        Assert.NotNull(call);
        fixture.Advance(TimeSpan.FromMinutes(2));
        await fixture.CallCompletedAsync(call!, 95);
        await fixture.PostCallTranscriptAsync(call!);
        fixture.Advance(TimeSpan.FromMinutes(5));
        await fixture.InboundTextAsync(phone, "STOP");
        fixture.Advance(TimeSpan.FromMinutes(30));
        var (blocked, none) = await fixture.WorkerCallStepAsync(lead.Id, "initial:2");
        Assert.Null(none);
        return (lead, phone, allowed.AttemptId, blocked.AttemptId);
    }

    private async Task<byte[]> DownloadAsync(string path, string role = "compliance")
    {
        using var client = fixture.CreateStaffClient(role);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task The_zip_holds_every_section_with_the_lead_s_records_in_time_order()
    {
        var (lead, phone, allowedId, blockedId) = await StoryAsync();

        using var client = fixture.CreateStaffClient("compliance");
        var response = await client.GetAsync($"/api/compliance/evidence/{lead.Id}?format=zip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"evidence-lead-{lead.Id}-{fixture.Clock.GetUtcNow():yyyyMMdd}.zip", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var zip = new ZipPackage(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(ZipFiles.Order(), zip.Files.Keys.Order());
        var json = zip.Json;
        Assert.Equal(1, (int)json["formatVersion"]!);
        Assert.Equal("lead", (string)json["subject"]!["kind"]!);

        var consent = Assert.Single(json["consents"]!.AsArray())!;
        Assert.Equal(EvidenceFixture.ConsentText, (string)consent["consentText"]!);
        Assert.Equal("203.0.113.7", (string)consent["ipAddress"]!);
        Assert.Equal("Mozilla/5.0 (evidence test)", (string)consent["userAgent"]!);
        Assert.Equal("https://nextlevel.test/sell", (string)consent["source"]!);
        Assert.Equal("web_form", (string)consent["method"]!);

        var revocations = json["revocations"]!.AsArray();
        Assert.Equal(["consent_revoked", "dnc_added"], revocations.Select(r => (string)r!["eventType"]!).Order());
        Assert.Equal("STOP", (string)revocations.Single(r => (string)r!["eventType"]! == "consent_revoked")!["evidence"]!);

        var dnc = Assert.Single(json["dncEntries"]!.AsArray())!;
        Assert.Equal("internal", (string)dnc["source"]!);
        Assert.Equal(phone, (string)dnc["phone"]!);
        Assert.NotEmpty(json["nationalListCopies"]!.AsArray());

        var check = Assert.Single(json["reassignedChecks"]!.AsArray())!;
        Assert.Equal("not_reassigned", (string)check["result"]!);
        Assert.Equal("simulator", (string)check["provider"]!);

        var attempts = json["attempts"]!.AsArray();
        Assert.Equal([allowedId.ToString(), blockedId.ToString()], attempts.Select(a => (string)a!["attemptId"]!));
        var allowed = attempts[0]!;
        Assert.True((bool)allowed["allowed"]!);
        Assert.Equal((string)consent["consentLogId"]!, (string)allowed["consentLogId"]!);
        Assert.Equal("America/Los_Angeles", (string)allowed["calleeTimeZone"]!);
        Assert.StartsWith("2026-03-02T09:", (string)allowed["calleeLocalTime"]!, StringComparison.Ordinal);
        Assert.Contains("WA 08:00-20:00", (string)allowed["callingWindow"]!, StringComparison.Ordinal);
        Assert.True((double)allowed["nationalListAgeDays"]! < 1);
        var blocked = attempts[1]!;
        Assert.False((bool)blocked["allowed"]!);
        var reasons = blocked["reasons"]!.AsArray().Select(r => (string)r!).ToList();
        Assert.Contains("consent_revoked", reasons);
        Assert.Contains("internal_dnc", reasons);

        var call = Assert.Single(json["calls"]!.AsArray())!;
        Assert.Equal(allowedId.ToString(), (string)call["callId"]!);
        Assert.Equal("completed", (string)call["status"]!);
        Assert.StartsWith("https://api.twilio.com/recordings/RE", (string)call["recordingUrl"]!, StringComparison.Ordinal);
        Assert.NotNull((string?)call["transcriptId"]);

        var ledger = json["ledger"]!;
        Assert.True((bool)ledger["verification"]!["available"]!);
        Assert.True((bool)ledger["verification"]!["valid"]!);
        var entries = ledger["entries"]!.AsArray();
        Assert.Equal(4, entries.Count);
        Assert.Equal([0L, 1L, 2L, 3L], entries.Select(e => (long)e!["sequence"]!));

        var timeline = json["timeline"]!.AsArray().Select(e => (At: DateTime.Parse((string)e!["at"]!, System.Globalization.CultureInfo.InvariantCulture), Kind: (string)e["kind"]!)).ToList();
        Assert.Equal(timeline.OrderBy(e => e.At).Select(e => e.At), timeline.Select(e => e.At));

        var (consentHeader, consentRows) = zip.Csv("consent.csv");
        Assert.Equal(["consentLogId", "eventType", "leadId", "phone", "at", "method", "source", "consentText", "automatedCallsAllowed", "textMessagesAllowed", "channels", "expiresAt", "ipAddress", "userAgent", "referrer", "origin", "evidence", "recordedBy"], consentHeader);
        Assert.Equal(3, consentRows.Count);
        Assert.Equal(EvidenceFixture.ConsentText, consentRows[0]["consentText"]);
        var (attemptHeader, attemptRows) = zip.Csv("attempts.csv");
        Assert.Contains("calleeLocalTime", attemptHeader);
        Assert.Contains("nationalListAgeDays", attemptHeader);
        Assert.Equal(["true", "false"], attemptRows.Select(r => r["allowed"]));
        Assert.Equal("consent_revoked;internal_dnc", string.Join(';', attemptRows[1]["reasons"].Split(';').Where(r => r is "consent_revoked" or "internal_dnc")));
        Assert.Single(zip.Csv("calls.csv").Rows);
        Assert.Single(zip.Csv("dnc.csv").Rows);
        Assert.Single(zip.Csv("reassigned_checks.csv").Rows);
        Assert.All(zip.Csv("ledger.csv").Rows, r => Assert.Equal("true", r["chainValid"]));
    }

    [Fact]
    public async Task The_pdf_opens_and_shows_every_section_and_the_consent_text()
    {
        var (lead, _, _, _) = await StoryAsync();

        var (pages, text) = PdfText.Read(await DownloadAsync($"/api/compliance/evidence/{lead.Id}"));

        Assert.True(pages >= 2, $"{pages} page(s)");
        var all = string.Join("\n", text);
        foreach (var heading in new[] { "1. Leads", "2. Timeline", "3. Consent records", "4. Revocations", "5. Do-Not-Call status", "6. Reassigned-number checks", "7. Contact attempts", "8. Calls", "9. Consent ledger" })
            Assert.Contains(heading, all, StringComparison.Ordinal);
        Assert.Contains("203.0.113.7", all, StringComparison.Ordinal);
        Assert.Contains("Next Level Real Estate may call and text me", all.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Valid:", all, StringComparison.Ordinal);
        Assert.Contains($"page {pages} of {pages}", text[^1], StringComparison.Ordinal);
    }
}
