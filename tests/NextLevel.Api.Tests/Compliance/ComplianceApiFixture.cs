using System.Net.Http.Json;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Tests.Infrastructure;
using NextLevel.Domain.Integrations;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Tests.Compliance;

/// <summary>The Api with a Twilio auth token and a public base URL, plus helpers to make leads and sign webhooks.</summary>
public sealed class ComplianceApiFixture : ApiFixture
{
    public const string TwilioToken = "test-auth-token";
    public const string PublicBaseUrl = "https://api.nextlevel.test";
    public const string SellerConsent = "By submitting I agree that Next Level Real Estate may call and text me at the number above, including with automated technology and an AI voice. Consent is not a condition of purchase.";

    private static int _phoneSequence;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Twilio:AuthToken", TwilioToken),
        new("Webhooks:PublicBaseUrl", PublicBaseUrl),
    ];

    public IMongoCollection<Lead> Leads => Database.GetCollection<Lead>(CollectionNames.Leads);

    /// <summary>A fresh Seattle number (+1 206 …) for each call, so tests never share a number.</summary>
    public static string NewPhone() => $"+1206{2_000_000 + Interlocked.Increment(ref _phoneSequence) + Random.Shared.Next(0, 7_000_000):D7}";

    public async Task<Lead> InsertLeadAsync(string? phone = null, string state = "WA", string zip = "98101")
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var lead = new Lead
        {
            Source = LeadSource.Manual,
            ExternalId = "test-" + ObjectId.GenerateNewId(),
            ReceivedAt = now,
            Contact = new LeadContact { FirstName = "Pat", Phone = phone ?? NewPhone(), Email = "pat@example.com", Address = new PostalAddress { State = state, ZipCode = zip } },
            NextFollowUp = now.AddHours(1),
            CreatedAt = now,
            UpdatedAt = now,
        };
        await Leads.InsertOneAsync(lead);
        return lead;
    }

    /// <summary>Imports a national list holding one unrelated number, so the 31-day rule is satisfied.</summary>
    public async Task ImportFreshNationalListAsync()
    {
        using var client = CreateStaffClient("ops");
        using var content = new StringContent("2025550142\n", System.Text.Encoding.UTF8, "text/plain");
        var response = await client.PostAsync("/api/compliance/dnc/import?source=national", content);
        response.EnsureSuccessStatusCode();
    }

    public async Task GrantConsentAsync(ObjectId leadId)
    {
        using var client = CreateStaffClient("closer");
        var response = await client.PostAsJsonAsync($"/api/leads/{leadId}/consent", new
        {
            consentText = SellerConsent, method = "web_form", source = "website_form", automatedCallsAllowed = true, textMessagesAllowed = true,
            ipAddress = "203.0.113.7", userAgent = "Mozilla/5.0 (test)",
        });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A form POST to the inbound-SMS webhook, signed as Twilio would sign it unless a signature is given.</summary>
    public static HttpRequestMessage SmsWebhook(IReadOnlyList<KeyValuePair<string, string>> form, string? signature = "sign")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/twilio/sms") { Content = new FormUrlEncodedContent(form) };
        if (signature == "sign") signature = TwilioSignature.Compute(TwilioToken, PublicBaseUrl + "/webhooks/twilio/sms", form);
        if (signature is not null) request.Headers.Add(TwilioSignature.HeaderName, signature);
        return request;
    }

    public static IReadOnlyList<KeyValuePair<string, string>> InboundSms(string from, string body) =>
    [
        new("MessageSid", "SM" + Guid.NewGuid().ToString("N")), new("AccountSid", "AC" + new string('a', 32)), new("From", from),
        new("To", "+12065559999"), new("Body", body), new("NumMedia", "0"), new("FromState", "WA"),
    ];

    /// <summary>Counts of the collections the compliance endpoints write, to prove a refused request wrote nothing.</summary>
    public async Task<(long ConsentLogs, long Dnc, long Config, string Leads)> SnapshotAsync()
    {
        var logs = await Database.GetCollection<BsonDocument>(CollectionNames.ConsentLogs).CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty);
        var dnc = await Database.GetCollection<BsonDocument>(CollectionNames.DncRegistry).CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty);
        var config = await Database.GetCollection<BsonDocument>(CollectionNames.SystemConfig).CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty);
        var leads = await Database.GetCollection<BsonDocument>(CollectionNames.Leads).Find(FilterDefinition<BsonDocument>.Empty).SortBy(d => d["_id"]).ToListAsync();
        return (logs, dnc, config, new BsonArray(leads).ToJson());
    }
}
