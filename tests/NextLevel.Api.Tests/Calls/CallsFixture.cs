using System.Net.Http.Headers;
using System.Text;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Tests.Infrastructure;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Integrations;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Tests.Calls;

/// <summary>The Api with provider secrets configured, plus builders for leads, campaigns and calls and signed webhook requests.</summary>
public sealed class CallsFixture : ApiFixture
{
    public const string TwilioAuthToken = "twilio-test-token";
    public const string PublicBaseUrl = "https://api.example.com";
    public const string ElevenLabsSecret = "elevenlabs-test-secret";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Providers:Twilio:AuthToken", TwilioAuthToken),
        new("Providers:Twilio:WebhookBaseUrl", PublicBaseUrl),
        new("Providers:ElevenLabs:WebhookSecret", ElevenLabsSecret),
        new("Calls:Cost:TwilioRatePerMinute", "0.014"),
        new("Calls:Cost:ElevenLabsRatePerCharacter", "0.0001"),
    ];

    public IMongoCollection<Call> Calls => Database.GetCollection<Call>(CollectionNames.Calls);

    public IMongoCollection<Lead> Leads => Database.GetCollection<Lead>(CollectionNames.Leads);

    public IMongoCollection<CallTranscript> Transcripts => Database.GetCollection<CallTranscript>(CollectionNames.CallTranscripts);

    public async Task<Campaign> AddCampaignAsync(bool nurtures)
    {
        var campaign = new Campaign
        {
            Name = "Seattle sellers", Type = CampaignType.Wholesale, Status = CampaignStatus.Active,
            Workflow = new CampaignWorkflow { Nurture = new NurtureSettings { Enabled = nurtures } },
            CreatedAt = Clock.GetUtcNow().UtcDateTime, UpdatedAt = Clock.GetUtcNow().UtcDateTime,
            Schedule = new CampaignSchedule { StartDate = Clock.GetUtcNow().UtcDateTime.AddDays(-10) },
        };
        await Database.GetCollection<Campaign>(CollectionNames.Campaigns).InsertOneAsync(campaign);
        return campaign;
    }

    public async Task<(Lead Lead, Call Call)> AddLeadWithCallAsync(Campaign? campaign = null, LeadStatus status = LeadStatus.New)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var phone = "+1206555" + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var lead = new Lead
        {
            Source = LeadSource.GoogleAds, ExternalId = "GGL-" + ObjectId.GenerateNewId(), ReceivedAt = now.AddMinutes(-10),
            Contact = new LeadContact { FirstName = "Jane", LastName = "Doe", Phone = phone },
            CampaignId = campaign?.Id, CampaignName = campaign?.Name, Status = status,
            Consent = new LeadConsent { HasWrittenConsent = true, AutomatedCallsAllowed = true, TextMessagesAllowed = true, ConsentDate = now.AddDays(-1) },
            CreatedAt = now, UpdatedAt = now,
        };
        await Leads.InsertOneAsync(lead);
        var call = new Call
        {
            CallSid = "CA" + Guid.NewGuid().ToString("N"), LeadId = lead.Id, ContactPhone = phone, FromPhone = "+15559998888",
            InitiatedAt = now.AddMinutes(-5), CampaignId = campaign?.Id, Status = CallStatus.Initiated, CreatedAt = now, UpdatedAt = now,
        };
        await Calls.InsertOneAsync(call);
        return (lead, call);
    }

    /// <summary>A Twilio status callback form signed as Twilio signs it (over the public URL).</summary>
    public HttpRequestMessage TwilioStatus(IReadOnlyList<KeyValuePair<string, string>> form, string? signature = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/twilio/status") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.HeaderName, signature ?? TwilioSignature.Compute(TwilioAuthToken, PublicBaseUrl + "/webhooks/twilio/status", form));
        return request;
    }

    /// <summary>A post-call webhook with the raw body, signed at <paramref name="signedAt"/> (now by default) unless a header is given.</summary>
    public HttpRequestMessage PostCall(string body, DateTimeOffset? signedAt = null, string? header = null, bool sign = true)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/elevenlabs/post-call") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (sign) request.Headers.Add(ElevenLabsSignature.HeaderName, header ?? ElevenLabsSignature.Create(ElevenLabsSecret, (signedAt ?? Clock.GetUtcNow()).ToUnixTimeSeconds(), bytes));
        return request;
    }
}
