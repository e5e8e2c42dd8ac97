using NextLevel.Web.ApiClient.Models;

namespace NextLevel.Web.ApiClient;

public interface ICallsApi
{
    Task<CallPage> ListAsync(CallFilter filter, string? cursor, int limit, CancellationToken cancellationToken);
    Task<Call?> GetAsync(string id, CancellationToken cancellationToken);
    Task<CallTranscript?> TranscriptAsync(string callId, CancellationToken cancellationToken);
}

/// <summary>Calls and transcripts: /api/calls.</summary>
public sealed class CallsApiClient(ApiConnection api) : ICallsApi
{
    public Task<CallPage> ListAsync(CallFilter filter, string? cursor, int limit, CancellationToken cancellationToken) =>
        api.GetAsync<CallPage>("/api/calls" + new QueryString()
            .Add("outcome", filter.Outcome).Add("status", filter.Status).Add("campaignId", filter.CampaignId).Add("leadId", filter.LeadId)
            .Add("from", filter.From).Add("to", filter.To).Add("cursor", cursor).Add("limit", limit), cancellationToken);

    public Task<Call?> GetAsync(string id, CancellationToken cancellationToken) =>
        api.FindAsync<Call>($"/api/calls/{Uri.EscapeDataString(id)}", cancellationToken);

    public Task<CallTranscript?> TranscriptAsync(string callId, CancellationToken cancellationToken) =>
        api.FindAsync<CallTranscript>($"/api/calls/{Uri.EscapeDataString(callId)}/transcript", cancellationToken);
}
