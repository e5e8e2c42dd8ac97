using NextLevel.Web.ApiClient.Models;

namespace NextLevel.Web.ApiClient;

public interface IDashboardApi
{
    Task<KpiReport> KpisAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
    Task<CampaignPerformanceReport> CampaignPerformanceAsync(string campaignId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
    Task<FunnelReport> FunnelAsync(DateTimeOffset from, DateTimeOffset to, string? campaignId, string? source, CancellationToken cancellationToken);
}

/// <summary>Dashboard reports: /api/dashboard.</summary>
public sealed class DashboardApiClient(ApiConnection api) : IDashboardApi
{
    public Task<KpiReport> KpisAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        api.GetAsync<KpiReport>("/api/dashboard/kpis" + new QueryString().Add("from", from).Add("to", to), cancellationToken);

    public Task<CampaignPerformanceReport> CampaignPerformanceAsync(string campaignId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        api.GetAsync<CampaignPerformanceReport>("/api/dashboard/campaign-performance"
            + new QueryString().Add("campaignId", campaignId).Add("from", from).Add("to", to), cancellationToken);

    public Task<FunnelReport> FunnelAsync(DateTimeOffset from, DateTimeOffset to, string? campaignId, string? source, CancellationToken cancellationToken) =>
        api.GetAsync<FunnelReport>("/api/dashboard/funnel"
            + new QueryString().Add("from", from).Add("to", to).Add("campaignId", campaignId).Add("source", source), cancellationToken);
}
