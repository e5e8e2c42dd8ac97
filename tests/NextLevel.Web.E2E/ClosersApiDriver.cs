using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MongoDB.Bson;
using MongoDB.Driver;

namespace NextLevel.Web.E2E;

/// <summary>
/// What happens outside the browser in the closers' journey, through the system's own HTTP surface: the admin's Api
/// calls (find a seeded call to complete, read routing and metrics) and ElevenLabs' signed post-call webhook.
/// </summary>
public sealed class ClosersApiDriver(HttpClient api, string webhookSecret) : IDisposable
{
    public static async Task<ClosersApiDriver> SignInAsync(HttpClient api, string email, string password, string webhookSecret)
    {
        using var response = await api.PostAsJsonAsync("/api/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new ClosersApiDriver(api, webhookSecret);
    }

    public Task<JsonElement> GetAsync(string path) => api.GetFromJsonAsync<JsonElement>(path);

    /// <summary>An open seeded lead with a property, not yet routed, on a campaign whose team has closers.</summary>
    public async Task<(string LeadId, string CampaignId, string LeadName, string Phone)> FindRoutableLeadAsync()
    {
        var page = await GetAsync("/api/leads?status=contacted&limit=100");
        foreach (var row in page.GetProperty("items").EnumerateArray())
        {
            var leadId = row.GetProperty("id").GetString()!;
            if (row.GetProperty("campaignId").GetString() is not { } campaignId || row.GetProperty("phone").GetString() is not { } phone) continue;
            var lead = (await GetAsync($"/api/leads/{leadId}")).GetProperty("lead");
            if (lead.GetProperty("propertyId").ValueKind != JsonValueKind.String) continue;
            if ((await GetAsync($"/api/leads/{leadId}/routing")).GetProperty("state").GetString() != "none") continue;
            if ((await GetAsync($"/api/campaigns/{campaignId}/routing")).GetProperty("closers").GetArrayLength() == 0) continue;
            return (leadId, campaignId, $"{row.GetProperty("firstName").GetString()} {row.GetProperty("lastName").GetString()}".Trim(), phone);
        }
        throw new InvalidOperationException("The seed has no contacted lead with a property on a campaign with closers.");
    }

    /// <summary>Records the AI call the Worker's follow-up engine would place (a call in progress, as it stores one).</summary>
    public static async Task<string> PlaceCallAsync(string connectionString, string leadId, string campaignId, string phone)
    {
        var url = MongoUrl.Create(connectionString);
        var database = new MongoClient(url).GetDatabase(url.DatabaseName ?? "next_level_real_estate");
        var now = DateTime.UtcNow;
        var id = ObjectId.GenerateNewId();
        await database.GetCollection<BsonDocument>("calls").InsertOneAsync(new BsonDocument
        {
            { "_id", id }, { "callSid", "CA" + id }, { "conversationId", "conv_e2e_" + id }, { "leadId", ObjectId.Parse(leadId) },
            { "contactPhone", phone }, { "initiatedAt", now }, { "direction", "outbound" }, { "type", "automated" },
            { "campaignId", ObjectId.Parse(campaignId) }, { "status", "initiated" }, { "keyMoments", new BsonArray() }, { "followUpActions", new BsonArray() },
            { "consentVerified", true }, { "dncChecked", true }, { "createdAt", now }, { "updatedAt", now }, { "createdBy", "calling_service" },
        });
        return id.ToString();
    }

    /// <summary>Posts ElevenLabs' post-call event for the call, signed as ElevenLabs signs it: the AI qualified the seller.</summary>
    public async Task PostQualifiedCallAsync(string callId)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var body = JsonSerializer.Serialize(new
        {
            type = "post_call_transcription",
            event_timestamp = now,
            data = new
            {
                agent_id = "agent_e2e",
                conversation_id = "conv_e2e_" + callId,
                status = "done",
                transcript = new object[]
                {
                    new { role = "agent", message = "Hi, this is Alex from Next Level Real Estate about your property. This call may be recorded.", time_in_call_secs = 0 },
                    new { role = "user", message = "Yes, we want to sell within a month; the roof needs work.", time_in_call_secs = 8 },
                    new { role = "agent", message = "We buy as-is. Could someone visit this week to make a cash offer?", time_in_call_secs = 20 },
                    new { role = "user", message = "Sure, that works for us.", time_in_call_secs = 30 },
                },
                metadata = new { start_time_unix_secs = now - 60, call_duration_secs = 45 },
                analysis = new
                {
                    call_successful = "success",
                    transcript_summary = "Motivated seller, wants a cash offer.",
                    data_collection_results = new { outcome = new { value = "qualified" }, sentiment = new { value = 0.6 } },
                },
                conversation_initiation_client_data = new { dynamic_variables = new { call_id = callId } },
            },
        });
        var signature = $"t={now.ToString(CultureInfo.InvariantCulture)},v0={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(webhookSecret), Encoding.UTF8.GetBytes($"{now}.{body}")))}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/elevenlabs/post-call") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("ElevenLabs-Signature", signature);
        using var response = await api.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !answer.Contains("stored", StringComparison.Ordinal))
            throw new InvalidOperationException($"The post-call webhook answered {(int)response.StatusCode}: {answer}");
    }

    /// <summary>
    /// Waits until routing offers the lead to a closer; returns that closer's e-mail and a password the admin sets
    /// for them (the seed generates the demo staff's passwords per run).
    /// </summary>
    public async Task<(string Email, string Password)> WaitForOfferAsync(string leadId, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var routing = await GetAsync($"/api/leads/{leadId}/routing");
            if (DateTime.UtcNow > until) throw new TimeoutException($"The lead was not offered to a closer in {timeout}: {routing}");
            if (routing.GetProperty("state").GetString() == "offered" && routing.GetProperty("offeredTo").GetString() is { } closerId)
            {
                var users = await GetAsync("/api/users");
                var email = users.EnumerateArray().First(u => u.GetProperty("id").GetString() == closerId).GetProperty("email").GetString()!;
                var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
                using var set = await api.PostAsJsonAsync($"/api/users/{closerId}/password", new { password });
                set.EnsureSuccessStatusCode();
                return (email, password);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>The campaign's deals closed (the Api's closing figures, counted from the deals on its properties).</summary>
    public async Task<int> DealsClosedAsync(string campaignId)
    {
        var metrics = await GetAsync($"/api/campaigns/{campaignId}/metrics");
        return metrics.TryGetProperty("closing", out var closing) && closing.ValueKind == JsonValueKind.Object ? closing.GetProperty("dealsClosed").GetInt32() : 0;
    }

    public void Dispose() => api.Dispose();
}
