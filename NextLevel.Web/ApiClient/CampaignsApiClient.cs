using NextLevel.Web.ApiClient.Models;

namespace NextLevel.Web.ApiClient;

public interface ICampaignsApi
{
    Task<IReadOnlyList<CampaignSummary>> ListAsync(string? status, CancellationToken cancellationToken);
    Task<Campaign?> GetAsync(string id, CancellationToken cancellationToken);
    Task<Campaign> CreateAsync(Campaign campaign, CancellationToken cancellationToken);
    Task<Campaign> UpdateAsync(Campaign campaign, CancellationToken cancellationToken);
    /// <summary>action: pause, activate or complete.</summary>
    Task<Campaign> TransitionAsync(string id, string action, CancellationToken cancellationToken);
    /// <summary>How many open leads the campaign's saved targeting matches now.</summary>
    Task<TargetingPreview> PreviewTargetingAsync(string id, CancellationToken cancellationToken);
    Task<CampaignMetrics> MetricsAsync(string id, CancellationToken cancellationToken);
}

/// <summary>Campaigns: /api/campaigns.</summary>
public sealed class CampaignsApiClient(ApiConnection api) : ICampaignsApi
{
    public Task<IReadOnlyList<CampaignSummary>> ListAsync(string? status, CancellationToken cancellationToken) =>
        api.GetAsync<IReadOnlyList<CampaignSummary>>("/api/campaigns" + new QueryString().Add("status", status), cancellationToken);

    public Task<Campaign?> GetAsync(string id, CancellationToken cancellationToken) =>
        api.FindAsync<Campaign>($"/api/campaigns/{Uri.EscapeDataString(id)}", cancellationToken);

    public Task<Campaign> CreateAsync(Campaign campaign, CancellationToken cancellationToken) =>
        api.SendAsync<Campaign>(HttpMethod.Post, "/api/campaigns", campaign, cancellationToken);

    public Task<Campaign> UpdateAsync(Campaign campaign, CancellationToken cancellationToken) =>
        api.SendAsync<Campaign>(HttpMethod.Put, $"/api/campaigns/{Uri.EscapeDataString(campaign.Id!)}", campaign, cancellationToken);

    public Task<Campaign> TransitionAsync(string id, string action, CancellationToken cancellationToken) =>
        api.SendAsync<Campaign>(HttpMethod.Post, $"/api/campaigns/{Uri.EscapeDataString(id)}/{action}", null, cancellationToken);

    public Task<TargetingPreview> PreviewTargetingAsync(string id, CancellationToken cancellationToken) =>
        api.GetAsync<TargetingPreview>($"/api/campaigns/{Uri.EscapeDataString(id)}/targeting-preview", cancellationToken);

    public Task<CampaignMetrics> MetricsAsync(string id, CancellationToken cancellationToken) =>
        api.GetAsync<CampaignMetrics>($"/api/campaigns/{Uri.EscapeDataString(id)}/metrics", cancellationToken);
}
