namespace NextLevel.Web.ApiClient.Closers;

public interface IRoutingApi
{
    Task<CampaignRouting> GetCampaignRoutingAsync(string campaignId, CancellationToken cancellationToken);
    Task<CampaignRouting> UpdateCampaignRoutingAsync(string campaignId, RoutingRulesUpdate rules, CancellationToken cancellationToken);
    Task<IReadOnlyList<CloserSummary>> ClosersAsync(CancellationToken cancellationToken);
    Task UpdateCloserProfileAsync(string userId, CloserProfileUpdate profile, CancellationToken cancellationToken);
    Task<RoutingState> LeadRoutingAsync(string leadId, CancellationToken cancellationToken);
    Task<RoutingState> RequestAsync(string leadId, string reason, CancellationToken cancellationToken);
    /// <summary>409 (an ApiProblemException) when someone else holds the offer, the window passed or it is claimed.</summary>
    Task<RoutingState> ClaimAsync(string leadId, CancellationToken cancellationToken);
    Task<RoutingState> ReleaseAsync(string leadId, CancellationToken cancellationToken);
    Task<IReadOnlyList<PoolLead>> PoolAsync(string? campaignId, CancellationToken cancellationToken);
    Task<IReadOnlyList<OfferedLead>> MyOffersAsync(CancellationToken cancellationToken);
    Task<ClosersMetricsReport> MetricsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}

/// <summary>Lead routing, closers and their metrics: /api/campaigns/{id}/routing, /api/staff, /api/leads/{id}/…, /api/routing, /api/me/offers, /api/metrics/closers.</summary>
public sealed class RoutingApiClient(ApiConnection api) : IRoutingApi
{
    private static string Id(string id) => Uri.EscapeDataString(id);

    public Task<CampaignRouting> GetCampaignRoutingAsync(string campaignId, CancellationToken cancellationToken) =>
        api.GetAsync<CampaignRouting>($"/api/campaigns/{Id(campaignId)}/routing", cancellationToken);

    public Task<CampaignRouting> UpdateCampaignRoutingAsync(string campaignId, RoutingRulesUpdate rules, CancellationToken cancellationToken) =>
        api.SendAsync<CampaignRouting>(HttpMethod.Put, $"/api/campaigns/{Id(campaignId)}/routing", rules, cancellationToken);

    public Task<IReadOnlyList<CloserSummary>> ClosersAsync(CancellationToken cancellationToken) =>
        api.GetAsync<IReadOnlyList<CloserSummary>>("/api/staff/closers", cancellationToken);

    public Task UpdateCloserProfileAsync(string userId, CloserProfileUpdate profile, CancellationToken cancellationToken) =>
        api.SendAsync(HttpMethod.Put, $"/api/staff/{Id(userId)}/closer-profile", profile, cancellationToken);

    public Task<RoutingState> LeadRoutingAsync(string leadId, CancellationToken cancellationToken) =>
        api.GetAsync<RoutingState>($"/api/leads/{Id(leadId)}/routing", cancellationToken);

    public Task<RoutingState> RequestAsync(string leadId, string reason, CancellationToken cancellationToken) =>
        api.SendAsync<RoutingState>(HttpMethod.Post, $"/api/leads/{Id(leadId)}/routing/request", new RoutingRequest(reason), cancellationToken);

    public Task<RoutingState> ClaimAsync(string leadId, CancellationToken cancellationToken) =>
        api.SendAsync<RoutingState>(HttpMethod.Post, $"/api/leads/{Id(leadId)}/claim", null, cancellationToken);

    public Task<RoutingState> ReleaseAsync(string leadId, CancellationToken cancellationToken) =>
        api.SendAsync<RoutingState>(HttpMethod.Post, $"/api/leads/{Id(leadId)}/release", null, cancellationToken);

    public Task<IReadOnlyList<PoolLead>> PoolAsync(string? campaignId, CancellationToken cancellationToken) =>
        api.GetAsync<IReadOnlyList<PoolLead>>("/api/routing/pool" + new QueryString().Add("campaignId", campaignId), cancellationToken);

    public Task<IReadOnlyList<OfferedLead>> MyOffersAsync(CancellationToken cancellationToken) =>
        api.GetAsync<IReadOnlyList<OfferedLead>>("/api/me/offers", cancellationToken);

    public Task<ClosersMetricsReport> MetricsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        api.GetAsync<ClosersMetricsReport>("/api/metrics/closers" + new QueryString().Add("from", from).Add("to", to), cancellationToken);
}
