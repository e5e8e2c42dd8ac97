using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Tests.Infrastructure;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Integrations;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Tests.Compliance.Evidence;

/// <summary>The Api with Twilio and ElevenLabs webhook secrets, plus the steps of a lead's compliance story.</summary>
public sealed class EvidenceFixture : ApiFixture
{
    public const string TwilioToken = "evidence-twilio-token";
    public const string PublicBaseUrl = "https://api.evidence.test";
    public const string ElevenLabsSecret = "evidence-elevenlabs-secret";
    public const string ConsentText = "By submitting I agree that Next Level Real Estate may call and text me at the number above, including with automated technology and an AI voice. Consent is not a condition of purchase.";

    private static int _phoneSequence;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Providers:Twilio:AuthToken", TwilioToken),
        new("Providers:Twilio:WebhookBaseUrl", PublicBaseUrl),
        new("Webhooks:PublicBaseUrl", PublicBaseUrl),
        new("Providers:ElevenLabs:WebhookSecret", ElevenLabsSecret),
    ];

    public IMongoCollection<Lead> Leads => Database.GetCollection<Lead>(CollectionNames.Leads);

    public IMongoCollection<Call> Calls => Database.GetCollection<Call>(CollectionNames.Calls);

    /// <summary>A fresh Seattle number for each call (ten digits, no +1), so tests never share a number.</summary>
    public static string NewPhoneDigits() => $"206{3_000_000 + Interlocked.Increment(ref _phoneSequence) * 7 + Random.Shared.Next(0, 6_000_000):D7}";

    public void Advance(TimeSpan by) => Clock.Advance(by);

    public async Task ImportNationalListAsync()
    {
        using var client = CreateStaffClient("ops");
        using var content = new StringContent("2025550142\n", System.Text.Encoding.UTF8, "text/plain");
        (await client.PostAsync("/api/compliance/dnc/import?source=national", content)).EnsureSuccessStatusCode();
    }

    /// <summary>A staff intake with written consent (exact text, IP, user agent); returns the new lead.</summary>
    public async Task<Lead> IntakeWithConsentAsync(string phoneDigits)
    {
        using var client = CreateStaffClient("closer");
        var response = await client.PostAsJsonAsync("/api/leads", new
        {
            externalId = "ev-" + ObjectId.GenerateNewId(),
            firstName = "Robin",
            lastName = "Seller",
            phone = phoneDigits,
            address = new { street = "1 Pine St", city = "Seattle", state = "WA", zipCode = "98101" },
            intent = new { type = "seller", urgency = "high", timeframe = "asap" },
            consent = new { text = ConsentText, method = "web_form", source = "https://nextlevel.test/sell", automatedCallsAllowed = true, textMessagesAllowed = true, ipAddress = "203.0.113.7", userAgent = "Mozilla/5.0 (evidence test)" },
        });
        response.EnsureSuccessStatusCode();
        var id = ObjectId.Parse((await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.ToString());
        return await Leads.Find(l => l.Id == id).SingleAsync();
    }

    /// <summary>
    /// What the Worker's follow-up engine does for an automated-call step: asks the compliance gate (the real
    /// ComplianceService) and records the attempt with the decision; when allowed, also the calls document it hands to
    /// the provider. Returns the attempt and the call (null when blocked).
    /// </summary>
    public async Task<(ContactAttempt Attempt, Call? Call)> WorkerCallStepAsync(ObjectId leadId, string stepKey)
    {
        var now = Clock.GetUtcNow();
        var decision = await Services.GetRequiredService<ComplianceService>().CanContactAsync(leadId, ContactChannel.AutomatedCall, now, CancellationToken.None);
        var lead = await Leads.Find(l => l.Id == leadId).SingleAsync();
        var attemptId = ObjectId.GenerateNewId();
        Call? call = null;
        if (decision.Allowed)
        {
            call = new Call
            {
                Id = attemptId, CallSid = "CA" + Guid.NewGuid().ToString("N"), ConversationId = "conv_" + attemptId, LeadId = leadId, ContactPhone = lead.Contact.Phone!,
                FromPhone = "+15559998888", InitiatedAt = now.UtcDateTime, Status = CallStatus.Initiated, ConsentVerified = decision.ConsentLogId is not null,
                DncChecked = decision.DncCheckedAt is not null, RecordingUrl = "https://api.twilio.com/recordings/RE" + attemptId,
                ComplianceNotes = $"gate allowed at {decision.EvaluatedAt:O}", CreatedAt = now.UtcDateTime, UpdatedAt = now.UtcDateTime, CreatedBy = "worker", UpdatedBy = "worker",
            };
            await Calls.InsertOneAsync(call);
        }
        var attempt = new ContactAttempt
        {
            AttemptId = attemptId, Timestamp = now.UtcDateTime, Type = ContactMethod.AutomatedCall, CallId = call?.Id, StepKey = stepKey,
            Outcome = decision.Allowed ? "initiated" : "blocked",
            Compliance = new AttemptCompliance
            {
                Allowed = decision.Allowed, Reasons = [.. decision.Reasons.Select(r => r.Code)], ConsentLogId = decision.ConsentLogId,
                DncCheckedAt = decision.DncCheckedAt?.UtcDateTime, CalleeTimeZone = decision.CalleeTimeZone, CalleeLocalTime = decision.CalleeLocalTime,
                RecordingDisclosureRequired = decision.RecordingDisclosureRequired, EvaluatedAt = decision.EvaluatedAt.UtcDateTime,
                ReassignedCheck = decision.ReassignedCheck is { ConsentLogId: { } checkId, Result: { } result, CheckedAt: { } checkedAt }
                    ? new AttemptReassignedCheck { Result = result, CheckedAt = checkedAt.UtcDateTime, ConsentLogId = checkId }
                    : null,
            },
        };
        await Leads.UpdateOneAsync(l => l.Id == leadId, Builders<Lead>.Update.Push(l => l.ContactAttempts, attempt));
        return (attempt, call);
    }

    /// <summary>Twilio's signed "completed" status callback for a call.</summary>
    public async Task CallCompletedAsync(Call call, int seconds)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("AccountSid", "AC" + new string('a', 32)), new("ApiVersion", "2010-04-01"), new("CallSid", call.CallSid), new("CallStatus", "completed"),
            new("CallDuration", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Direction", "outbound-api"),
            new("From", "+15559998888"), new("To", call.ContactPhone), new("SequenceNumber", "3"),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/twilio/status") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(TwilioToken, PublicBaseUrl + "/webhooks/twilio/status", form));
        using var client = CreateClient();
        (await client.SendAsync(request)).EnsureSuccessStatusCode();
    }

    /// <summary>ElevenLabs' signed post-call transcription webhook for a call (stores the transcript).</summary>
    public async Task PostCallTranscriptAsync(Call call)
    {
        var body = NextLevel.Api.Tests.Calls.PostCallPayloads.Transcription(call.ConversationId!, call.CallSid, "callback", userLines: ["Yes, I might sell later this year."]);
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/elevenlabs/post-call") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(ElevenLabsSignature.HeaderName, ElevenLabsSignature.Create(ElevenLabsSecret, Clock.GetUtcNow().ToUnixTimeSeconds(), bytes));
        using var client = CreateClient();
        (await client.SendAsync(request)).EnsureSuccessStatusCode();
    }

    /// <summary>An inbound text from the number, signed as Twilio signs it.</summary>
    public async Task InboundTextAsync(string from, string body)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("MessageSid", "SM" + Guid.NewGuid().ToString("N")), new("AccountSid", "AC" + new string('a', 32)), new("From", from),
            new("To", "+12065559999"), new("Body", body), new("NumMedia", "0"),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/twilio/sms") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(TwilioToken, PublicBaseUrl + "/webhooks/twilio/sms", form));
        using var client = CreateClient();
        (await client.SendAsync(request)).EnsureSuccessStatusCode();
    }
}
