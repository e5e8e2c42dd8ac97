namespace NextLevel.Web.ApiClient.Models;

public sealed record SpeedToLead(int Contacted, double? MedianSeconds, double? P90Seconds);

/// <summary>One period's KPIs: rates 0–1, money in dollars.</summary>
public sealed record KpiValues(
    DateTimeOffset From, DateTimeOffset To, long LeadsReceived, SpeedToLead? SpeedToLead, double? ContactRate, long Qualified, long SiteVisits,
    long Offers, long Deals, double Cost, double Revenue, double? CostPerLead, double? CostPerDeal, double? Roi);

public sealed record KpiReport(KpiValues Current, KpiValues? Previous);

/// <summary>The seed's pipeline: one row per call outcome of a campaign in a period.</summary>
public sealed record OutcomePerformance(string? Outcome, int Count, double? AvgDuration, double? AvgSentiment, double TotalCost);

public sealed record CampaignPerformanceReport(string? CampaignId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<OutcomePerformance> Outcomes);

public sealed record FunnelStep(string Status, long Count, double? AvgScore);

public sealed record FunnelReport(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<FunnelStep> Steps);

/// <summary>Leads of one source in a period (channel attribution), from the funnel narrowed to that source.</summary>
public sealed record SourceAttribution(string Source, long Leads, long Qualified, long Converted, double? AvgScore);
