namespace NextLevel.Web.ApiClient.Models;

/// <summary>The KPIs of one period; durations in seconds, rates 0–1, money in dollars.</summary>
public sealed record KpiValues(
    long LeadsReceived, double? SpeedToLeadMedianSeconds, double? SpeedToLeadP90Seconds, double? ContactRate,
    long Qualified, long SiteVisits, long Offers, long Deals, double? Cost, double? CostPerLead, double? CostPerDeal, double? Roi);

public sealed record KpiReport(DateTimeOffset From, DateTimeOffset To, KpiValues Current, KpiValues? Previous);

/// <summary>The seed's pipeline: one row per call outcome of a campaign in a period.</summary>
public sealed record OutcomePerformance(string? Outcome, int Count, double? AvgDuration, double? AvgSentiment, double TotalCost);

public sealed record SourceAttribution(string? Source, long Leads, long Qualified, long Deals, double? Cost);

public sealed record CampaignPerformanceReport(
    string? CampaignId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<OutcomePerformance> Outcomes,
    IReadOnlyList<SourceAttribution>? Sources);

public sealed record FunnelStep(string Status, long Count, double? AvgScore);

public sealed record FunnelStageStep(string Stage, long Count, double? AvgScore);

public sealed record FunnelReport(IReadOnlyList<FunnelStep> Steps, IReadOnlyList<FunnelStageStep>? Stages);
