using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace NextLevel.Web.E2E;

/// <summary>
/// What happens outside the browser in the closers' journey, through the system's own HTTP surface: the admin's Api
/// calls (find a seeded call to complete, read routing and metrics) and ElevenLabs' signed post-call webhook.
/// </summary>
public sealed class ClosersApiDriver(HttpClient api, string webhookSecret) : IDisposable
{
    /// <summary>The seeded demo closers' password (Api/Seeding/DemoClosers.cs, docs/closers.md).</summary>
    public const string DemoCloserPassword = "nextlevel-demo-closer";

    public static async Task<ClosersApiDriver> SignInAsync(HttpClient api, string email, string password, string webhookSecret)
    {
        using var response = await api.PostAsJsonAsync("/api/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new ClosersApiDriver(api, webhookSecret);
    }

    public Task<JsonElement> GetAsync(string path) => api.GetFromJsonAsync<JsonElement>(path);

    /// <summary>A seeded call the AI has not finished (no transcript, no contact attempt on the lead) whose lead is open, has a property and a campaign with closers.</summary>
    public async Task<(string CallId, string LeadId, string CampaignId, string LeadName)> FindOpenCallAsync()
    {
        string? cursor = null;
        for (var page = 0; page < 20; page++)
        {
            var calls = await GetAsync("/api/calls?limit=100" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            foreach (var call in calls.GetProperty("items").EnumerateArray())
            {
                if (call.TryGetProperty("transcriptId", out var t) && t.ValueKind == JsonValueKind.String) continue;
                if (call.GetProperty("leadId").GetString() is not { } leadId) continue;
                var detail = await GetAsync($"/api/leads/{leadId}");
                var lead = detail.GetProperty("lead");
                if (lead.GetProperty("status").GetString() is "converted" or "dnc" or "lost") continue;
                // The post-call event routes only when it adds the call's contact attempt (a delivery seen before does not).
                var callId = call.GetProperty("id").GetString();
                if (lead.TryGetProperty("contactAttempts", out var attempts) && attempts.ValueKind == JsonValueKind.Array
                    && attempts.EnumerateArray().Any(a => a.TryGetProperty("callId", out var c) && c.GetString() == callId)) continue;
                if (lead.GetProperty("propertyId").ValueKind != JsonValueKind.String) continue;
                if (lead.GetProperty("campaignId").GetString() is not { } campaignId) continue;
                var routing = await GetAsync($"/api/leads/{leadId}/routing");
                if (routing.GetProperty("state").GetString() != "none") continue;
                var team = await GetAsync($"/api/campaigns/{campaignId}/routing");
                if (team.GetProperty("closers").GetArrayLength() == 0) continue;
                var contact = lead.GetProperty("contact");
                var name = $"{contact.GetProperty("firstName").GetString()} {contact.GetProperty("lastName").GetString()}".Trim();
                return (call.GetProperty("id").GetString()!, leadId, campaignId, name);
            }
            if (calls.GetProperty("nextCursor").GetString() is not { } next) break;
            cursor = next;
        }
        throw new InvalidOperationException("The seed has no unfinished call on an open lead of a campaign with closers.");
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

    /// <summary>Waits until routing offers the lead to a closer; returns that closer's e-mail.</summary>
    public async Task<string> WaitForOfferAsync(string leadId, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var routing = await GetAsync($"/api/leads/{leadId}/routing");
            if (DateTime.UtcNow > until) throw new TimeoutException($"The lead was not offered to a closer in {timeout}: {routing}");
            if (routing.GetProperty("state").GetString() == "offered" && routing.GetProperty("offeredTo").GetString() is { } closerId)
            {
                var users = await GetAsync("/api/users");
                return users.EnumerateArray().First(u => u.GetProperty("id").GetString() == closerId).GetProperty("email").GetString()!;
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
