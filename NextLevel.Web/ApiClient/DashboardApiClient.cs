using NextLevel.Web.ApiClient.Models;

namespace NextLevel.Web.ApiClient;

public interface IDashboardApi
{
    /// <summary>The KPIs of [from, to); with <paramref name="compare"/> also those of the period of the same length before it.</summary>
    Task<KpiReport> KpisAsync(DateTimeOffset from, DateTimeOffset to, bool compare, CancellationToken cancellationToken);
    Task<CampaignPerformanceReport> CampaignPerformanceAsync(string campaignId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
    Task<FunnelReport> FunnelAsync(DateTimeOffset from, DateTimeOffset to, string? campaignId, string? source, CancellationToken cancellationToken);
}

/// <summary>Dashboard reports: /api/dashboard.</summary>
public sealed class DashboardApiClient(ApiConnection api) : IDashboardApi
{
    public Task<KpiReport> KpisAsync(DateTimeOffset from, DateTimeOffset to, bool compare, CancellationToken cancellationToken) =>
        api.GetAsync<KpiReport>("/api/dashboard/kpis" + new QueryString().Add("from", from).Add("to", to).Add("compare", compare ? null : (bool?)false), cancellationToken);

    public Task<CampaignPerformanceReport> CampaignPerformanceAsync(string campaignId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        api.GetAsync<CampaignPerformanceReport>("/api/dashboard/campaign-performance"
            + new QueryString().Add("campaignId", campaignId).Add("from", from).Add("to", to), cancellationToken);

    public Task<FunnelReport> FunnelAsync(DateTimeOffset from, DateTimeOffset to, string? campaignId, string? source, CancellationToken cancellationToken) =>
        api.GetAsync<FunnelReport>("/api/dashboard/funnel"
            + new QueryString().Add("from", from).Add("to", to).Add("campaignId", campaignId).Add("source", source), cancellationToken);
}
